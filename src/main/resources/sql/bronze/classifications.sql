-- Bronze classifications: each answer's rows as text (silver types them), with the run and request they came
-- from and when they were fetched. Ids the API left out are the crawl's; a missing number or position is null.
SELECT season,
       coalesce(r.season_id, season_id) AS season_id, coalesce(r.event_id, event_id) AS event_id,
       coalesce(r.category_id, category_id) AS category_id, coalesce(r.session_id, session_id) AS session_id,
       r.name, r."number", r."position", r.points,
       _run_id, _request, _fetch_id, _fetched_at
FROM (SELECT *, unnest(from_json(body, '[{"season_id": "VARCHAR", "event_id": "VARCHAR", "category_id": "VARCHAR",
        "session_id": "VARCHAR", "name": "VARCHAR", "number": "VARCHAR", "position": "VARCHAR",
        "points": "VARCHAR"}]')) AS r FROM ${pages})
