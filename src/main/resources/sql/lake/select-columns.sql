-- The columns a SELECT returns and their types, found without running it.
SELECT column_name, column_type FROM (DESCRIBE ${select}
)
