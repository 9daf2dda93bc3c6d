SELECT * FROM read_parquet(${files}, union_by_name = true)
