package io.mgp.pipeline.lake.iceberg;

import io.mgp.pipeline.duck.SqlResource;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * The metrics an Iceberg commit records for data files (rows, and per column its bytes, values and nulls), read by
 * DuckDB from the files' footers in one query: Iceberg's own reader of them needs Hadoop.
 */
final class DataFileMetrics {

    private DataFileMetrics() {
    }

    /** Each file's metrics, by its path as given. */
    static Map<Path, Metrics> of(Statement sql, List<Path> files, Schema schema) throws SQLException {
        Map<String, Path> byName = new HashMap<>();
        files.forEach(file -> byName.put(file.toString(), file));
        Map<Path, Long> rows = new HashMap<>();
        Map<Path, Map<Integer, Long>> bytes = new HashMap<>();
        Map<Path, Map<Integer, Long>> values = new HashMap<>();
        Map<Path, Map<Integer, Long>> nulls = new HashMap<>();
        String list = files.stream().map(SqlResource::literal).collect(Collectors.joining(", ", "[", "]"));
        try (ResultSet columns = sql.executeQuery(SqlResource.load("sql/lake/iceberg/file-metrics.sql", Map.of("files", list)))) {
            while (columns.next()) {
                Path file = byName.get(columns.getString("file_name"));
                rows.put(file, columns.getLong("rows"));
                Types.NestedField field = schema.findField(columns.getString("column_name"));
                if (field != null) {
                    bytes.computeIfAbsent(file, f -> new HashMap<>()).put(field.fieldId(), columns.getLong("bytes"));
                    values.computeIfAbsent(file, f -> new HashMap<>()).put(field.fieldId(), columns.getLong("values"));
                    long nullCount = columns.getLong("nulls");
                    if (!columns.wasNull()) {
                        // left out when the footer has no count: readers must not take it for "no nulls"
                        nulls.computeIfAbsent(file, f -> new HashMap<>()).put(field.fieldId(), nullCount);
                    }
                }
            }
        }
        Map<Path, Metrics> metrics = new HashMap<>();
        for (Path file : files) {
            metrics.put(file, new Metrics(rows.getOrDefault(file, 0L), bytes.getOrDefault(file, Map.of()),
                    values.getOrDefault(file, Map.of()), nulls.getOrDefault(file, Map.of()), null));
        }
        return metrics;
    }
}
