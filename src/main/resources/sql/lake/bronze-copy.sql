-- One parquet file per season the batch touches; the caller renames each into place.
COPY (
${rows}
) TO ${folder} (FORMAT parquet, PARTITION_BY (season), FILENAME_PATTERN 'part_{i}', WRITE_PARTITION_COLUMNS false)
