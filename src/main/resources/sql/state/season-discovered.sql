-- Every answer below this season is in bronze and every session of it is a task.
INSERT INTO discovered_seasons VALUES (?, ?, ?, now()) ON CONFLICT DO NOTHING
