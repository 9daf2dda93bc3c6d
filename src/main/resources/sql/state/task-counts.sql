SELECT status, count(*) FROM tasks GROUP BY status
