-- Seasons, typed; the latest answer to each request wins, so a refetch never duplicates a row.
SELECT id, CAST("year" AS BIGINT) AS "year"
FROM (SELECT *, max_by(_fetch_id, _fetched_at) OVER (PARTITION BY _request) AS _latest FROM bronze.seasons) AS answers
WHERE _fetch_id = _latest
