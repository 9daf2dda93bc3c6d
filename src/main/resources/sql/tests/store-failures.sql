-- The first failing rows of a data test, kept for inspection.
COPY (SELECT * FROM (${test}
) AS failures LIMIT ${limit}) TO ${file} (FORMAT parquet)
