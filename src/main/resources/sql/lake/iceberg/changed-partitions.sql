-- The partitions whose rows a model's new version changes: those whose row count or sum of row hashes (a fingerprint
-- of the partition's rows as a multiset) differ from the published version's, and those on one side only.
WITH staged AS (
    SELECT ${partition_columns}, count(*) AS n, sum(hash(${columns})) AS h FROM ${staged} GROUP BY ALL
), published AS (
    SELECT ${partition_columns}, count(*) AS n, sum(hash(${columns})) AS h
    FROM read_parquet(${published}, union_by_name = true) GROUP BY ALL
)
SELECT ${either_partition_columns}
FROM staged FULL OUTER JOIN published ON ${same_partition}
WHERE staged.n IS DISTINCT FROM published.n OR staged.h IS DISTINCT FROM published.h
