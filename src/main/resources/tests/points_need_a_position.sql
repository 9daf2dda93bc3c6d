-- A rider who scored championship points finished the session, so has a position.
SELECT session_id, name, "position", points
FROM silver.classifications
WHERE points > 0 AND "position" IS NULL
