-- A category id repeats across events, so relationships on the id alone cannot see a session whose category ran at
-- another event only; gold joins a session's category on both, and would drop its results.
SELECT s.*
FROM silver.sessions AS s
LEFT JOIN silver.categories AS c ON c.id = s.category_id AND c.event_id = s.event_id
WHERE c.id IS NULL
