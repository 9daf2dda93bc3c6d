-- The partition each data file written by PARTITION_BY holds: every row of a file has the same values.
SELECT filename, ${partition_columns}
FROM read_parquet(${files}, filename = true, hive_partitioning = false)
GROUP BY ALL
