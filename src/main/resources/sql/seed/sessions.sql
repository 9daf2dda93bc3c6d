CREATE TABLE sessions (
    id          VARCHAR,
    name        VARCHAR,
    season_id   VARCHAR,
    event_id    VARCHAR,
    category_id VARCHAR
)
