CREATE TABLE events (
    id        VARCHAR,
    name      VARCHAR,
    sname     VARCHAR,
    season_id VARCHAR
)
