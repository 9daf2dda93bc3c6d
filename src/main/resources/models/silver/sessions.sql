-- Sessions of each event and category.
SELECT id, name, season_id, event_id, category_id
FROM bronze.sessions
QUALIFY _fetch_id = arg_max(_fetch_id, _fetched_at) OVER (PARTITION BY _request)
