package io.mgp.pipeline.seed;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Consumer;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import io.mgp.pipeline.duck.AtomicFiles;
import io.mgp.pipeline.duck.SqlResource;

/**
 * One seed table in an in-memory DuckDB: created from {@code sql/seed/<name>.sql}, filled through an appender
 * (far faster than row-by-row inserts), then copied to a parquet file.
 */
final class SeedTableWriter<R extends SeedRow> implements Consumer<R>, AutoCloseable {

    private final DuckDBConnection connection;
    private final String name;
    private final DuckDBAppender appender;
    private long rows;

    SeedTableWriter(DuckDBConnection connection, String name) throws SQLException {
        this.connection = connection;
        this.name = name;
        execute(SqlResource.load("sql/seed/" + name + ".sql"));
        this.appender = connection.createAppender(name);
    }

    String name() {
        return name;
    }

    long rows() {
        return rows;
    }

    @Override
    public void accept(R row) {
        try {
            appender.beginRow();
            row.appendTo(appender);
            appender.endRow();
            rows++;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot append " + row + " to seed table " + name, e);
        }
    }

    /** Writes the table to {@code target} under a temporary name first, so no reader sees a partial file. */
    void copyTo(Path target) throws SQLException {
        // The appender buffers rows; COPY only sees them once flushed (close() would swallow a flush error).
        appender.flush();
        Path temporary = AtomicFiles.temporaryFor(target);
        execute(SqlResource.load("sql/seed/copy-to-parquet.sql",
                Map.of("table", name, "target", SqlResource.literal(temporary.toAbsolutePath()))));
        AtomicFiles.publish(temporary, target);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        appender.close();
    }
}
