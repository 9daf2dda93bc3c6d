-- An Iceberg data file's metrics, from the footer DuckDB wrote: per column, its bytes, values (nulls included) and nulls.
SELECT path_in_schema AS column_name, sum(total_compressed_size) AS bytes, sum(num_values) AS "values",
       sum(stats_null_count) AS nulls, (SELECT num_rows FROM parquet_file_metadata(${file})) AS "rows"
FROM parquet_metadata(${file})
GROUP BY path_in_schema
