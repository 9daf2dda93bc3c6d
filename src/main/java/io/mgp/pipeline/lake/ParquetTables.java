package io.mgp.pipeline.lake;

import io.mgp.pipeline.duck.AtomicFiles;
import io.mgp.pipeline.duck.SqlResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The silver and gold tables as single parquet files, {@code <lake>/<layer>/<name>.parquet}. A version is staged as
 * a file beside the published one and published by renaming it over it: a reader never sees half a table.
 */
public final class ParquetTables implements LakeTables {

    private final Lake lake;

    public ParquetTables(Lake lake) {
        this.lake = lake;
    }

    Path file(String layer, String name) {
        return lake.layer(layer).resolve(name + ".parquet");
    }

    @Override
    public boolean exists(String layer, String name) {
        return Files.exists(file(layer, name));
    }

    @Override
    public boolean register(Statement sql, String layer, String name) throws SQLException {
        if (!exists(layer, name)) {
            return false;
        }
        view(sql, layer, name, file(layer, name));
        return true;
    }

    @Override
    public Staged stage(Statement sql, String layer, String name, String select) throws SQLException {
        Path file = file(layer, name);
        Path staged = AtomicFiles.temporaryFor(file);
        long rows;
        sql.execute(SqlResource.load("sql/lake/materialize.sql", Map.of(
                "model", select, "file", SqlResource.literal(staged))));
        try (ResultSet count = sql.getResultSet()) {
            rows = count != null && count.next() ? count.getLong(1) : sql.getUpdateCount();
        }
        view(sql, layer, name, staged);
        return new Staged() {
            @Override
            public long rows() {
                return rows;
            }

            @Override
            public void publish(Statement sql) throws SQLException {
                AtomicFiles.publish(staged, file);
                view(sql, layer, name, file);
            }

            @Override
            public void discard(Statement sql) throws SQLException {
                sql.execute("DROP VIEW IF EXISTS " + layer + "." + name);
                try {
                    Files.deleteIfExists(staged);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                register(sql, layer, name);
            }
        };
    }

    @Override
    public long rows(String layer, String name) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement();
             ResultSet count = sql.executeQuery("SELECT count(*) FROM read_parquet(" + SqlResource.literal(file(layer, name)) + ")")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static void view(Statement sql, String layer, String name, Path file) throws SQLException {
        sql.execute(SqlResource.load("sql/lake/table-view.sql", Map.of(
                "view", layer + "." + name, "file", SqlResource.literal(file))));
    }
}
