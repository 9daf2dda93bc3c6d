-- Events, typed; sname is the original server's field and short_name the real MotoGP API's.
SELECT id, name, coalesce(sname, short_name) AS sname, season_id
FROM (SELECT *, max_by(_fetch_id, _fetched_at) OVER (PARTITION BY _request) AS _latest FROM bronze.events) AS answers
WHERE _fetch_id = _latest
