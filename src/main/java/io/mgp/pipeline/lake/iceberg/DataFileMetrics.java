package io.mgp.pipeline.lake.iceberg;

import io.mgp.pipeline.duck.SqlResource;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * The metrics an Iceberg commit records for a data file (rows, and per column its bytes, values and nulls), read by
 * DuckDB from the file's footer: Iceberg's own reader of them needs Hadoop.
 */
final class DataFileMetrics {

    private DataFileMetrics() {
    }

    static Metrics of(Statement sql, Path file, Schema schema) throws SQLException {
        long rows = 0;
        Map<Integer, Long> bytes = new HashMap<>();
        Map<Integer, Long> values = new HashMap<>();
        Map<Integer, Long> nulls = new HashMap<>();
        try (ResultSet columns = sql.executeQuery(SqlResource.load("sql/lake/iceberg/file-metrics.sql", Map.of("file", SqlResource.literal(file))))) {
            while (columns.next()) {
                rows = columns.getLong("rows");
                Types.NestedField field = schema.findField(columns.getString("column_name"));
                if (field != null) {
                    bytes.put(field.fieldId(), columns.getLong("bytes"));
                    values.put(field.fieldId(), columns.getLong("values"));
                    long nullCount = columns.getLong("nulls");
                    if (!columns.wasNull()) {
                        // left out when the footer has no count: readers must not take it for "no nulls"
                        nulls.put(field.fieldId(), nullCount);
                    }
                }
            }
        }
        return new Metrics(rows, bytes, values, nulls, null);
    }
}
