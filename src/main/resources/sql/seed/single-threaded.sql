-- One thread makes DuckDB write the same parquet bytes on every run with the same rows.
SET threads = 1
