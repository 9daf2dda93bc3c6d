-- Iceberg data files' metrics, from the footers DuckDB wrote: per file and column, its bytes, values (nulls included)
-- and nulls, and the file's rows.
SELECT m.file_name, m.path_in_schema AS column_name, sum(m.total_compressed_size) AS bytes, sum(m.num_values) AS "values",
       sum(m.stats_null_count) AS nulls, any_value(f.num_rows) AS "rows"
FROM parquet_metadata(${files}) AS m
JOIN parquet_file_metadata(${files}) AS f USING (file_name)
GROUP BY m.file_name, m.path_in_schema
