-- recency: one row when the newest value is older than the interval allows, or there is none.
SELECT * FROM (
    SELECT max(${field}) AS most_recent, CAST(current_timestamp AS TIMESTAMP) - INTERVAL '${interval}' ${datepart} AS threshold
    FROM ${model} AS tested
) AS newest
WHERE most_recent IS NULL OR most_recent < threshold
