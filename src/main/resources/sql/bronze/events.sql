-- Bronze events: each answer's rows as text (silver types them), with the run and request they came from
-- and when they were fetched. sname is the original server's field, short_name the real MotoGP API's.
SELECT season,
       r.id, r.name, r.sname, r.short_name, coalesce(r.season_id, season_id) AS season_id,
       _run_id, _request, _fetch_id, _fetched_at
FROM (SELECT *, unnest(from_json(body, '[{"id": "VARCHAR", "name": "VARCHAR", "sname": "VARCHAR",
        "short_name": "VARCHAR", "season_id": "VARCHAR"}]')) AS r FROM ${pages})
