-- Whether a model's new rows are the published version's, as a multiset: the same row count and sum of row hashes
-- (the fingerprint changed-partitions.sql takes of each partition).
WITH staged AS (
    SELECT count(*) AS n, sum(hash(${columns})) AS h FROM ${staged}
), published AS (
    SELECT count(*) AS n, sum(hash(${columns})) AS h FROM read_parquet(${published}, union_by_name = true)
)
SELECT staged.n = published.n AND staged.h IS NOT DISTINCT FROM published.h FROM staged, published
