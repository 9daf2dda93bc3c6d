package io.mgp.pipeline.lake;

import io.mgp.pipeline.duck.AtomicFiles;
import io.mgp.pipeline.duck.SqlResource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The silver and gold tables as single parquet files, {@code <lake>/<layer>/<name>.parquet}, each replaced whole:
 * the new version is written beside the old one and renamed over it.
 */
final class ParquetTables {

    private final Lake lake;

    ParquetTables(Lake lake) {
        this.lake = lake;
    }

    Path file(String layer, String name) {
        return lake.layer(layer).resolve(name + ".parquet");
    }

    /** Writes the model's rows as the table's new version, makes it readable as {@code layer.name}, returns its rows. */
    long write(Statement sql, String layer, String name, String model) throws SQLException {
        Path file = file(layer, name);
        Path temporary = AtomicFiles.temporaryFor(file);
        long rows;
        sql.execute(SqlResource.load("sql/lake/materialize.sql", Map.of(
                "model", stripTrailingSemicolon(model), "file", SqlResource.literal(temporary))));
        try (ResultSet count = sql.getResultSet()) {
            rows = count != null && count.next() ? count.getLong(1) : sql.getUpdateCount();
        }
        AtomicFiles.publish(temporary, file);
        sql.execute(SqlResource.load("sql/lake/table-view.sql", Map.of(
                "view", layer + "." + name, "file", SqlResource.literal(file))));
        return rows;
    }

    /** The rows the table's file holds, from its parquet metadata. */
    long rows(String layer, String name) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement();
             ResultSet count = sql.executeQuery("SELECT count(*) FROM read_parquet(" + SqlResource.literal(file(layer, name)) + ")")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static String stripTrailingSemicolon(String sql) {
        String trimmed = sql.strip();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
