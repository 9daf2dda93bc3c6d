-- A bronze table as one relation over all its season partitions; files of older runs may lack newer columns.
CREATE VIEW ${view} AS
SELECT * FROM read_parquet(${files}, hive_partitioning = true, union_by_name = true)
