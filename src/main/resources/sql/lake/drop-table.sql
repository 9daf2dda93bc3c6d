DROP TABLE ${table}
