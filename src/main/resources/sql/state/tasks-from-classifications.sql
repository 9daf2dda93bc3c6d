-- Classification answers are in bronze: their tasks are done, or empty when the session has no results.
INSERT INTO tasks
SELECT session_id, season, season_id, event_id, category_id,
       CASE WHEN _rows = 0 THEN 'empty' ELSE 'done' END, 1, NULL, ${run}, now(), now()
FROM ${pages}
QUALIFY row_number() OVER (PARTITION BY session_id ORDER BY _fetched_at DESC) = 1
ON CONFLICT (session_id) DO UPDATE SET
    status = excluded.status, attempts = tasks.attempts + 1, last_error = NULL,
    run_id = excluded.run_id, updated_at = excluded.updated_at;
