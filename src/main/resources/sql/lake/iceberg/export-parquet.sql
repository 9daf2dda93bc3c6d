-- A table as one parquet file for readers of plain parquet, in the order its files are read.
COPY (SELECT * FROM ${view}) TO ${file} (FORMAT parquet)
