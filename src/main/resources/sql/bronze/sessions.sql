-- Bronze sessions: each answer's rows as text (silver types them), with the run and request they came from
-- and when they were fetched. Ids the API left out are the crawl's.
SELECT season,
       r.id, r.name, coalesce(r.season_id, season_id) AS season_id, coalesce(r.event_id, event_id) AS event_id,
       coalesce(r.category_id, category_id) AS category_id,
       _run_id, _request, _fetch_id, _fetched_at
FROM (SELECT *, unnest(from_json(body, '[{"id": "VARCHAR", "name": "VARCHAR", "season_id": "VARCHAR",
        "event_id": "VARCHAR", "category_id": "VARCHAR"}]')) AS r FROM ${pages})
