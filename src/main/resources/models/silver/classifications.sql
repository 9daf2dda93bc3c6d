-- Results of each session, typed; a missing rider number or position stays null.
SELECT season_id, event_id, category_id, session_id, name,
       CAST("number" AS INTEGER) AS "number",
       CAST("position" AS INTEGER) AS "position",
       CAST(points AS INTEGER) AS points
FROM (SELECT *, max_by(_fetch_id, _fetched_at) OVER (PARTITION BY _request) AS _latest FROM bronze.classifications) AS answers
WHERE _fetch_id = _latest
