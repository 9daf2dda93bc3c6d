-- The results of the seeds, plus two riders in the new session 'extra-session': the first with the points given.
COPY (
    SELECT * FROM read_parquet(${classifications})
    UNION ALL
    SELECT season_id, event_id, category_id, id, rider, nr, pos, pts
    FROM read_parquet(${new_sessions}),
         (VALUES ('Extra Rider', 99, 1, ${points}), ('Günter Late', NULL, NULL, 0)) AS riders(rider, nr, pos, pts)
    WHERE id = 'extra-session'
) TO ${new_classifications} (FORMAT parquet)
