-- accepted_values: each value outside the list, with how often; null is never a failure.
SELECT ${column} AS value_field, count(*) AS n_records
FROM ${model} AS tested WHERE ${column} IS NOT NULL AND ${column} NOT IN (${values}) GROUP BY ${column}
