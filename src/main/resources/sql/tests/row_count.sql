-- row_count between bounds: one row when the count is outside them.
SELECT * FROM (SELECT ${expression} AS row_count FROM ${model} AS tested) AS counted WHERE ${outside}
