COPY (${model}
) TO ${file} (FORMAT parquet)
