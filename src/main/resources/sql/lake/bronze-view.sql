-- A bronze table as one relation over its season partitions and every run's answers; the silver models keep
-- the latest answer to each request. Files of older runs may lack newer columns.
CREATE VIEW ${view} AS
SELECT * FROM read_parquet(${files}, hive_partitioning = true, union_by_name = true)
