CREATE OR REPLACE VIEW ${view} AS SELECT * FROM read_parquet(${file})
