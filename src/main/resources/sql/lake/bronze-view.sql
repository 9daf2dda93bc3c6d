-- A bronze table as one relation over its season partitions, holding only this run's answers: a full run
-- rebuilds silver from what the API says now, so rows the API no longer has do not linger.
-- Files of older runs may lack newer columns.
CREATE VIEW ${view} AS
SELECT * FROM read_parquet(${files}, hive_partitioning = true, union_by_name = true)
WHERE _run_id = ${run}
