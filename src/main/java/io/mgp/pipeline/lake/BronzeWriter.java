package io.mgp.pipeline.lake;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.duck.AtomicFiles;
import io.mgp.pipeline.duck.SqlResource;
import io.mgp.pipeline.run.RunReport;
import io.mgp.pipeline.state.StateDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.camel.Service;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a bronze batch as parquet with DuckDB: the answers go in through the Appender, one row each, and
 * out through one {@code COPY ... PARTITION_BY (season)} that unnests their JSON into rows, into a staging folder, and each season's file is renamed into
 * {@code bronze/<table>/season=<year>/<batch>.parquet} only when complete.
 */
public final class BronzeWriter implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(BronzeWriter.class);
    private static final DateTimeFormatter BATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS");

    private final Lake lake;
    private final RunReport report;
    private final StateDb state;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public BronzeWriter(Lake lake, RunReport report, StateDb state) {
        this.lake = lake;
        this.report = report;
        this.state = state;
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
        try (DuckDBConnection connection = state.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(SqlResource.load("sql/lake/bronze-pages.sql", Map.of("table", table)));
            try {
                append(connection, table, batch);
                Files.createDirectories(staging);
                long rows = sql.executeUpdate(SqlResource.load("sql/lake/bronze-copy.sql", Map.of(
                        "rows", rows(batch.table(), table), "folder", SqlResource.literal(staging))));
                List<Path> published = publish(staging, lake.bronze(batch.table()), batchId);
                // Only now that every file is in place does the state say these answers are in bronze.
                state.write(connection, stateChanges(batch.table(), table));
                report.bronzeWritten(batch.table(), rows, published.size());
                LOG.info("Bronze batch written: {}, {} rows in {} files", batch.table(), rows, published.size());
            } finally {
                sql.execute(SqlResource.load("sql/lake/drop-table.sql", Map.of("table", table)));
            }
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

    /** What a written batch changes in the state: its answers, and for some tables the task queue. */
    private String[] stateChanges(String bronzeTable, String pages) {
        Map<String, String> values = Map.of("pages", pages, "run", SqlResource.literal(report.runId()),
                "rows", rows(bronzeTable, pages));
        List<String> changes = new ArrayList<>(List.of(SqlResource.load("sql/state/answers-written.sql", values)));
        SqlResource.find("sql/state/tasks-from-" + bronzeTable + ".sql").ifPresent(tasks ->
                changes.add(SqlResource.load(tasks, values)));
        return changes.toArray(String[]::new);
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
        try {
            Lake.deleteTree(folder);
        } catch (IOException e) {
            // a leftover staging folder is invisible to readers, which only read season=*/ folders
        }
    }

    /** Staging folders left by a run that was stopped mid-write are never published: they go. */
    @Override
    public void start() {
        deleteQuietly(lake.layer("bronze").resolve(".staging"));
    }

    @Override
    public void stop() {
        // the state database is closed by its own service
    }
}
