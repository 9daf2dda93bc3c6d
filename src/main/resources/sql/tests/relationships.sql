-- relationships: the rows whose non-null key has no row in the parent model.
SELECT tested.*
FROM ${model} AS tested LEFT JOIN ${to} AS parent ON tested.${column} = parent.${field}
WHERE tested.${column} IS NOT NULL AND parent.${field} IS NULL
