SELECT name, id, season_id, event_id
FROM read_parquet(${file})
