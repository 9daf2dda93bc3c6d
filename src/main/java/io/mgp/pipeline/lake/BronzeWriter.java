package io.mgp.pipeline.lake;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.duck.AtomicFiles;
import io.mgp.pipeline.duck.SqlResource;
import io.mgp.pipeline.run.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.camel.Service;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes a bronze batch as parquet with DuckDB: the answers go in through the Appender, one row each, and
 * out through one {@code COPY ... PARTITION_BY (season)} that unnests their JSON into rows, into a staging folder, and each season's file is renamed into
 * {@code bronze/<table>/season=<year>/<batch>.parquet} only when complete.
 */
public final class BronzeWriter implements Service {

    private static final DateTimeFormatter BATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS");

    private final Lake lake;
    private final RunReport report;
    private final DuckDBConnection duck;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public BronzeWriter(Lake lake, RunReport report) throws SQLException {
        this.lake = lake;
        this.report = report;
        // One thread per write: the crawl already writes tables in parallel, and with more DuckDB's calling
        // thread spins on a mutex while its workers run the COPY.
        Properties config = new Properties();
        config.setProperty("threads", "1");
        this.duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", config);
    }

    /**
     * Writes the batch. A failure is also remembered: the aggregator that calls this only logs what its
     * output throws, and {@link #requireAllWritten()} must still fail the run.
     */
    public void write(BronzeBatch batch) throws Exception {
        try {
            writeFiles(batch);
        } catch (Exception e) {
            failure.compareAndSet(null, e);
            throw e;
        }
    }

    /** Fails when any batch could not be written, so that silver and gold are never built without its rows. */
    public void requireAllWritten() {
        Exception first = failure.get();
        if (first != null) {
            throw new PipelineException("bronze write failed: " + PipelineException.firstLine(first), first);
        }
    }

    private void writeFiles(BronzeBatch batch) throws SQLException {
        String batchId = LocalDateTime.now(ZoneOffset.UTC).format(BATCH_TIME) + "-" + UUID.randomUUID().toString().substring(0, 8);
        String table = "batch_" + batchId.replace('-', '_');
        Path staging = lake.layer("bronze").resolve(".staging").resolve(batchId);
        try (DuckDBConnection connection = duck.duplicate(); Statement sql = connection.createStatement()) {
            sql.execute(SqlResource.load("sql/lake/bronze-pages.sql", Map.of("table", table)));
            long rows;
            try {
                append(connection, table, batch);
                Files.createDirectories(staging);
                rows = sql.executeUpdate(SqlResource.load("sql/lake/bronze-copy.sql", Map.of(
                        "rows", rows(batch.table(), table), "folder", SqlResource.literal(staging))));
            } finally {
                sql.execute(SqlResource.load("sql/lake/drop-table.sql", Map.of("table", table)));
            }
            List<Path> published = publish(staging, lake.bronze(batch.table()), batchId);
            report.bronzeWritten(batch.table(), rows, published.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write bronze " + batch.table(), e);
        } finally {
            deleteQuietly(staging);
        }
    }

    private static void append(DuckDBConnection connection, String table, BronzeBatch batch) throws SQLException {
        List<String> columns = columns(connection, table);
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            for (BronzePage page : batch.pages()) {
                appender.beginRow();
                for (String column : columns) {
                    appendValue(appender, page.value(column));
                }
                appender.endRow();
            }
        }
    }

    /** The query that unnests a pages table into a bronze table's rows, one per row of each answer. */
    static String rows(String bronzeTable, String pages) {
        return SqlResource.load("sql/bronze/" + bronzeTable + ".sql", Map.of("pages", pages));
    }

    private static void appendValue(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else if (value instanceof LocalDateTime time) {
            appender.append(time);
        } else {
            appender.append(value.toString());
        }
    }

    private static List<String> columns(DuckDBConnection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery(SqlResource.load("sql/lake/table-columns.sql", Map.of("table", table)))) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        return columns;
    }

    /** Moves {@code staging/season=X/part_0.parquet} to {@code target/season=X/<batch>.parquet}, one rename each. */
    private static List<Path> publish(Path staging, Path target, String batchId) throws IOException {
        List<Path> published = new ArrayList<>();
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).sorted().toList()) {
                Path partition = target.resolve(staging.relativize(file).getParent());
                Path destination = partition.resolve(batchId + "-" + file.getFileName());
                AtomicFiles.publish(file, destination);
                published.add(destination);
            }
        }
        return published;
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover staging folder is invisible to readers, which only read season=*/ folders
        }
    }

    @Override
    public void start() {
        // the DuckDB database is opened with the writer
    }

    @Override
    public void stop() {
        try {
            duck.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the bronze writer's DuckDB", e);
        }
    }
}
