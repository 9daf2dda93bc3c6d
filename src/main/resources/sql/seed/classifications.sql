CREATE TABLE classifications (
    season_id   VARCHAR,
    event_id    VARCHAR,
    category_id VARCHAR,
    session_id  VARCHAR,
    name        VARCHAR,
    number      INTEGER,
    position    INTEGER,
    points      INTEGER
)
