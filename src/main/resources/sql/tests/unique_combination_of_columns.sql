-- unique_combination_of_columns: each combination found more than once, with how often.
SELECT ${columns}, count(*) AS n_records FROM ${model} AS tested GROUP BY ${columns} HAVING count(*) > 1
