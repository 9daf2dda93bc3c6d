-- The seasons of the seeds, the oldest one without a year: a source that lost a value.
COPY (
    SELECT id, CASE WHEN "year" = (SELECT min("year") FROM read_parquet(${seasons})) THEN NULL ELSE "year" END AS "year"
    FROM read_parquet(${seasons})
) TO ${new_seasons} (FORMAT parquet)
