-- Results of each session, typed; a missing rider number or position stays null.
SELECT season_id, event_id, category_id, session_id, name,
       CAST("number" AS INTEGER) AS "number",
       CAST("position" AS INTEGER) AS "position",
       CAST(points AS INTEGER) AS points
FROM bronze.classifications
QUALIFY _fetch_id = arg_max(_fetch_id, _fetched_at) OVER (PARTITION BY _request)
