-- Sessions whose classification bronze already holds: a full run does not fetch them again.
SELECT session_id FROM tasks WHERE status IN ('done', 'empty')
