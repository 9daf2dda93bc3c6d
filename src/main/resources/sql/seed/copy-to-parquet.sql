-- ZSTD, like the real dataset's files.
COPY ${table} TO ${target} (FORMAT parquet, COMPRESSION zstd)
