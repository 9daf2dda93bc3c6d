-- Bronze classifications: the API's answers as text (silver types them), partitioned by season,
-- each row with the run and request it came from and when it was fetched.
CREATE TABLE ${table} (
    season VARCHAR,
    season_id VARCHAR, event_id VARCHAR, category_id VARCHAR, session_id VARCHAR, name VARCHAR, "number" VARCHAR, "position" VARCHAR, points VARCHAR,
    _run_id VARCHAR,
    _request VARCHAR,
    _fetch_id VARCHAR,
    _fetched_at TIMESTAMP
)
