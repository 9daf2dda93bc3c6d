CREATE TABLE seasons (
    id   VARCHAR,
    year BIGINT
)
