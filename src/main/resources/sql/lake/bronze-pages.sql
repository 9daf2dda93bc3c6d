-- API answers as they arrived, one row per request: the crawl's context (season and parent ids, which rows
-- lacking them inherit), the fetch's metadata, the rows the answer holds (counted by the answer check) and the JSON body. The sql/bronze/<table>.sql queries unnest them.
CREATE TEMP TABLE ${table} (
    season VARCHAR, season_id VARCHAR, event_id VARCHAR, category_id VARCHAR, session_id VARCHAR,
    _run_id VARCHAR,
    _request VARCHAR,
    _fetch_id VARCHAR,
    _fetched_at TIMESTAMP,
    _rows INTEGER,
    body VARCHAR
)
