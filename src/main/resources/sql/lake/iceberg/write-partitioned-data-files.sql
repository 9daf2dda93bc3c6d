-- A model's rows as one Iceberg data file per partition, under one new folder: the partition columns stay in the
-- files (Iceberg readers read them there), and the field ids are what Iceberg readers match the columns by.
COPY (${model}
) TO ${folder} (FORMAT parquet, PARTITION_BY (${partition_columns}), WRITE_PARTITION_COLUMNS true, FIELD_IDS ${field_ids},
               FILENAME_PATTERN 'part-{uuid}')
