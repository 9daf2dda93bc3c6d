-- not_null: the rows whose column is null.
SELECT * FROM ${model} AS tested WHERE ${column} IS NULL
