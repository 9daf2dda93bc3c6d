INSERT INTO runs (run_id, mode, started_at, status) VALUES (?, ?, now(), 'running')
