SELECT column_name FROM (DESCRIBE ${table})
