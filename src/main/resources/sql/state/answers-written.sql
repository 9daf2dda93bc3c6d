-- A batch's answers are in bronze: remember each request's answer, and that bronze changed.
INSERT INTO answers
SELECT _request, md5(body), ${run}, now()
FROM ${pages}
QUALIFY row_number() OVER (PARTITION BY _request ORDER BY _fetched_at DESC) = 1
ON CONFLICT (request) DO UPDATE SET md5 = excluded.md5, run_id = excluded.run_id, written_at = excluded.written_at;

UPDATE versions SET version = version + 1 WHERE layer = 'bronze';
