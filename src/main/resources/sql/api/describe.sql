-- The columns a seed file has, to name any that is missing before it is read.
DESCRIBE SELECT * FROM read_parquet(${file})
