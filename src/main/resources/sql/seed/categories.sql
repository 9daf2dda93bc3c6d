CREATE TABLE categories (
    id        VARCHAR,
    name      VARCHAR,
    season_id VARCHAR,
    event_id  VARCHAR
)
