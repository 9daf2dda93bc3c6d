-- Sessions of each event and category.
SELECT id, name, season_id, event_id, category_id
FROM (SELECT *, max_by(_fetch_id, _fetched_at) OVER (PARTITION BY _request) AS _latest FROM bronze.sessions) AS answers
WHERE _fetch_id = _latest
