-- Tasks not done yet, newest season first; :?limit caps them (null: all).
SELECT session_id, season, season_id, event_id, category_id
FROM tasks
WHERE status IN ('pending', 'failed')
ORDER BY TRY_CAST(season AS INTEGER) DESC NULLS LAST, session_id
LIMIT :?limit
