-- Bronze seasons: each answer's rows as text (silver types them), with the run and request they came from
-- and when they were fetched. A season is its own partition.
SELECT coalesce(season, r."year") AS season,
       r.id, r."year",
       _run_id, _request, _fetch_id, _fetched_at
FROM (SELECT *, unnest(from_json(body, '[{"id": "VARCHAR", "year": "VARCHAR"}]')) AS r FROM ${pages})
