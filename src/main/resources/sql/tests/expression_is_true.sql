-- expression_is_true: the rows for which the expression is not true.
SELECT * FROM ${model} AS tested WHERE NOT (${expression})
