-- Sessions answers are in bronze: each session is a task, pending until its classification is.
-- A session known already keeps its task as it is.
INSERT INTO tasks
SELECT id, season, season_id, event_id, category_id, 'pending', 0, NULL, ${run}, now(), now()
FROM (${rows})
QUALIFY row_number() OVER (PARTITION BY id) = 1
ON CONFLICT (session_id) DO NOTHING;
