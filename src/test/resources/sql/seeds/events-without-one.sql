-- The events of the seeds but one of the latest season (not that of 'extra-session'): a source that deleted an
-- event whose categories and sessions an earlier crawl fetched.
COPY (
    SELECT * FROM read_parquet(${events})
    WHERE id <> (SELECT max(e.id) FROM read_parquet(${events}) e
                 WHERE e.season_id = (SELECT id FROM read_parquet(${seasons}) ORDER BY "year" DESC LIMIT 1)
                   AND e.id <> (SELECT event_id FROM read_parquet(${new_sessions}) WHERE id = 'extra-session'))
) TO ${new_events} (FORMAT parquet)
