-- Seasons, typed; the latest answer to each request wins, so a refetch never duplicates a row.
SELECT id, CAST("year" AS BIGINT) AS "year"
FROM bronze.seasons
QUALIFY _fetch_id = arg_max(_fetch_id, _fetched_at) OVER (PARTITION BY _request)
