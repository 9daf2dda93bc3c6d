-- The sessions of the seeds, plus a new one in the latest season: the source after it gained a session.
COPY (
    SELECT * FROM read_parquet(${sessions})
    UNION ALL
    (SELECT 'extra-session', 'WUP', s.season_id, s.event_id, s.category_id
     FROM read_parquet(${sessions}) s JOIN read_parquet(${seasons}) y ON y.id = s.season_id
     ORDER BY y."year" DESC, s.id
     LIMIT 1)
) TO ${new_sessions} (FORMAT parquet)
