-- Categories of each event: a category id repeats across events, so (id, event_id) is the key.
SELECT id, name, season_id, event_id
FROM bronze.categories
QUALIFY _fetch_id = arg_max(_fetch_id, _fetched_at) OVER (PARTITION BY _request)
