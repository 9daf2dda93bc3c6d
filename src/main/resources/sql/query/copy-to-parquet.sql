COPY (${query}) TO ${file} (FORMAT parquet)
