-- Categories of each event: a category id repeats across events, so (id, event_id) is the key.
SELECT id, name, season_id, event_id
FROM (SELECT *, max_by(_fetch_id, _fetched_at) OVER (PARTITION BY _request) AS _latest FROM bronze.categories) AS answers
WHERE _fetch_id = _latest
