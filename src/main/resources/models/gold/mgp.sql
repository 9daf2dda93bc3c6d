-- Every classification row with the names of its season, event, category and session.
SELECT s."year",
       e.name AS event_name,
       e.sname AS event_short_name,
       c.name AS category,
       se.name AS "session",
       cl.name AS rider_name,
       cl."number" AS rider_number,
       cl."position",
       cl.points
FROM silver.classifications AS cl
LEFT JOIN silver.seasons AS s ON s.id = cl.season_id
LEFT JOIN silver.events AS e ON e.id = cl.event_id
LEFT JOIN silver.categories AS c ON c.id = cl.category_id AND c.event_id = cl.event_id
LEFT JOIN silver.sessions AS se ON se.id = cl.session_id
ORDER BY s."year", e.name, c.name, se.name, cl."position" NULLS LAST, cl.name
