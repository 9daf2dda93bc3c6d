-- The pipeline's state, kept beside the lake in one DuckDB file (lake/state/queue.duckdb).

-- One task per session: fetch its classification. Discovery adds tasks as pending (a sessions answer written
-- to bronze); a classification answer written to bronze makes its task done, or empty when it has no rows.
CREATE TABLE IF NOT EXISTS tasks (
    session_id  VARCHAR PRIMARY KEY,
    season      VARCHAR, -- the season's year as the API gave it: a season without one is crawled too
    season_id   VARCHAR,
    event_id    VARCHAR,
    category_id VARCHAR,
    status      VARCHAR NOT NULL CHECK (status IN ('pending', 'done', 'empty', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  VARCHAR,
    run_id      VARCHAR NOT NULL,
    added_at    TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);

-- The last answer bronze holds for each request, by digest: an identical answer is not written again.
CREATE TABLE IF NOT EXISTS answers (
    request    VARCHAR PRIMARY KEY,
    md5        VARCHAR NOT NULL,
    run_id     VARCHAR NOT NULL,
    written_at TIMESTAMP NOT NULL
);

-- Seasons whose events, categories and sessions are all in bronze: later runs do not discover them again
-- (except the latest season, which may still gain events).
CREATE TABLE IF NOT EXISTS discovered_seasons (
    season_id     VARCHAR PRIMARY KEY,
    season        VARCHAR,
    run_id        VARCHAR NOT NULL,
    discovered_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    run_id     VARCHAR PRIMARY KEY,
    mode       VARCHAR NOT NULL,
    started_at TIMESTAMP NOT NULL,
    ended_at   TIMESTAMP,
    status     VARCHAR NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted')),
    requests   BIGINT,
    bronze_rows BIGINT,
    error      VARCHAR
);

-- Bronze's version goes up with every batch written; silver and gold record the version they were built from,
-- and 'project' the fingerprint of the models and tests that built them.
CREATE TABLE IF NOT EXISTS versions (
    layer   VARCHAR PRIMARY KEY,
    version BIGINT NOT NULL
);
-- State files made before a season without a year could be crawled required one.
ALTER TABLE tasks ALTER COLUMN season DROP NOT NULL;
ALTER TABLE discovered_seasons ALTER COLUMN season DROP NOT NULL;

INSERT INTO versions VALUES ('bronze', 0), ('built', 0), ('project', 0) ON CONFLICT DO NOTHING;

-- A run still 'running' when the state is opened was stopped without finishing (killed, or its machine stopped).
UPDATE runs SET status = 'interrupted' WHERE status = 'running';
