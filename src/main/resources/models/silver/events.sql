-- Events, typed; sname is the original server's field and short_name the real MotoGP API's.
SELECT id, name, coalesce(sname, short_name) AS sname, season_id
FROM bronze.events
QUALIFY _fetch_id = arg_max(_fetch_id, _fetched_at) OVER (PARTITION BY _request)
