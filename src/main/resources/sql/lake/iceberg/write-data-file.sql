-- A model's rows as one Iceberg data file: the field ids are what Iceberg readers match the columns by.
COPY (${model}
) TO ${file} (FORMAT parquet, FIELD_IDS ${field_ids})
