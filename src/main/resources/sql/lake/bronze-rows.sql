-- A bronze table's rows, from the row counts in its parquet files' footers.
SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata(${files})
