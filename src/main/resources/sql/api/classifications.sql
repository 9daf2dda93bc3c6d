SELECT season_id, event_id, category_id, session_id, name, "number", "position", points
FROM read_parquet(${file})
