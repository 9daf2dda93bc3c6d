SELECT id, "year"
FROM read_parquet(${file})
