-- row_count against another model: one row when the two counts differ.
SELECT * FROM (
    SELECT (SELECT ${expression} FROM ${model} AS tested) AS row_count,
           (SELECT ${compare_expression} FROM ${compare} AS compared) AS compare_row_count
) AS counted
WHERE row_count IS DISTINCT FROM compare_row_count
