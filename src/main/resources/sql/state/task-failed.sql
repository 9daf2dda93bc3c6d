-- A task whose classification could not be fetched, even after retries: failed, with its error.
-- The next run fetches it again.
INSERT INTO tasks VALUES (?, ?, ?, ?, ?, 'failed', 1, ?, ?, now(), now())
ON CONFLICT (session_id) DO UPDATE SET
    status = 'failed', attempts = tasks.attempts + 1, last_error = excluded.last_error,
    run_id = excluded.run_id, updated_at = excluded.updated_at
