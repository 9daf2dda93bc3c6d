-- not_null_proportion: one row when the share of non-null values is outside [at_least, at_most].
SELECT * FROM (
    SELECT count(${column}) / nullif(count(*), 0) AS not_null_proportion FROM ${model} AS tested
) AS proportion
WHERE NOT (coalesce(not_null_proportion, 0) >= ${at_least} AND coalesce(not_null_proportion, 0) <= ${at_most})
