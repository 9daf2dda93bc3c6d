-- unique: each non-null value found more than once, with how often.
SELECT ${column} AS unique_field, count(*) AS n_records
FROM ${model} AS tested WHERE ${column} IS NOT NULL GROUP BY ${column} HAVING count(*) > 1
