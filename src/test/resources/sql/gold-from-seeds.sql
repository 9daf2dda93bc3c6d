-- What gold must hold: the classifications joined to their names directly on the seed files.
SELECT s."year", e.name AS event_name, e.sname AS event_short_name, c.name AS category, se.name AS "session",
       cl.name AS rider_name, cl."number" AS rider_number, cl."position", cl.points
FROM read_parquet(${seeds} || '/classifications.parquet') AS cl
LEFT JOIN read_parquet(${seeds} || '/seasons.parquet') AS s ON s.id = cl.season_id
LEFT JOIN read_parquet(${seeds} || '/events.parquet') AS e ON e.id = cl.event_id
LEFT JOIN read_parquet(${seeds} || '/categories.parquet') AS c ON c.id = cl.category_id AND c.event_id = cl.event_id
LEFT JOIN read_parquet(${seeds} || '/sessions.parquet') AS se ON se.id = cl.session_id
