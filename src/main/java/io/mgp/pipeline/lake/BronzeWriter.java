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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.camel.Predicate;
import org.apache.camel.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a bronze batch as parquet with DuckDB: the answers, gathered in a {@link BronzeBatch} one Appender row each,
 * go out through one {@code COPY ... PARTITION_BY (season)} that unnests their JSON into rows, into a staging folder,
 * and each season's file is renamed into {@code bronze/<table>/season=<year>/<batch>.parquet} only when complete.
 */
public final class BronzeWriter implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(BronzeWriter.class);

    private final Lake lake;
    private final RunReport report;
    private final StateDb state;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final BronzeBatches batches = new BronzeBatches();

    public BronzeWriter(Lake lake, RunReport report, StateDb state) {
        this.lake = lake;
        this.report = report;
        this.state = state;
    }

    /** A new batch of a table's answers, gathering in the state database until {@link #write} copies it out. */
    public BronzeBatch open(String table) throws SQLException {
        BronzeBatch batch = BronzeBatch.open(state, table);
        try {
            batches.gathering(batch);
        } catch (IllegalStateException e) {
            closeQuietly(batch);
            throw e;
        }
        return batch;
    }

    /**
     * The aggregator's completion check: whether the batch an aggregated exchange holds has gathered this many
     * bytes of JSON. Camel asks it under the aggregator's lock, so a full batch counts as completed before a
     * flush can run and miss it on its way to a writer. Plain Java: simple's {@code ${body.size}} would look the
     * getter up by reflection for every answer.
     */
    public Predicate fullAt(long bytes) {
        return exchange -> {
            BronzeBatch batch = exchange.getMessage().getBody(BronzeBatch.class);
            if (batch.size() < bytes) {
                return false;
            }
            completed(batch);
            return true;
        };
    }

    /** The aggregator completed the batch: it is on its way to {@link #write}, which a flush waits for. */
    public void completed(BronzeBatch batch) {
        batches.completed(batch);
    }

    /** Closes a batch that will never be written. */
    public void discard(BronzeBatch batch) {
        batches.done(batch);
        closeQuietly(batch);
    }

    /**
     * Writes the batch. A failure is also remembered: the aggregator that calls this only logs what its
     * output throws, and {@link #requireAllWritten()} must still fail the run.
     */
    public void write(BronzeBatch batch) throws Exception {
        if (!batches.writing(batch)) {
            closeQuietly(batch);
            throw new PipelineException("bronze has stopped: a batch of " + batch.table() + " was not written");
        }
        try {
            writeFiles(batch);
        } catch (Exception e) {
            failure.compareAndSet(null, e);
            throw e;
        } finally {
            batches.done(batch);
        }
    }

    /**
     * Waits until every batch the aggregator completed is written, then fails when any could not be, so that silver
     * and gold are never built without its rows. (An answer that arrives after a flush starts the next batch.)
     */
    public void requireAllWritten() throws InterruptedException {
        if (!batches.awaitWritten()) {
            failure.compareAndSet(null, new PipelineException("stopped before every bronze batch was written"));
        }
        Exception first = failure.get();
        if (first != null) {
            throw new PipelineException("bronze write failed: " + PipelineException.firstLine(first), first);
        }
    }

    private void writeFiles(BronzeBatch batch) throws SQLException {
        Path staging = lake.layer("bronze").resolve(".staging").resolve(batch.id());
        try (batch; Statement sql = batch.connection().createStatement()) {
            batch.seal();
            Files.createDirectories(staging);
            long rows = sql.executeUpdate(SqlResource.load("sql/lake/bronze-copy.sql", Map.of(
                    "rows", BronzeAnswers.rows(batch.table(), batch.pages()).orElseThrow(), "folder", SqlResource.literal(staging))));
            List<Path> published = publish(staging, lake.bronze(batch.table()), batch.id());
            // Only now that every file is in place does the state say these answers are in bronze.
            state.write(batch.connection(), stateChanges(batch.table(), batch.pages()));
            report.bronzeWritten(batch.table(), rows, published.size());
            LOG.info("Bronze batch written: {}, {} rows in {} files", batch.table(), rows, published.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write bronze " + batch.table(), e);
        } finally {
            deleteQuietly(staging);
        }
    }

    /** What a written batch changes in the state: its answers, and for some tables the task queue. */
    private String[] stateChanges(String bronzeTable, String pages) {
        Map<String, String> values = Map.of("pages", pages, "run", SqlResource.literal(report.runId()),
                "rows", BronzeAnswers.rows(bronzeTable, pages).orElseThrow());
        List<String> changes = new ArrayList<>(List.of(SqlResource.load("sql/state/answers-written.sql", values)));
        SqlResource.find("sql/state/tasks-from-" + bronzeTable + ".sql").ifPresent(tasks ->
                changes.add(SqlResource.load(tasks, values)));
        return changes.toArray(String[]::new);
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

    /**
     * Closes the batches a stopped run leaves unwritten, which would keep the state database open, and fails a flush
     * still waiting. Batches a writer is copying out are left to it (closing them would pull the connection from
     * under its COPY).
     */
    @Override
    public void stop() {
        List<BronzeBatch> unwritten = batches.stop();
        if (!unwritten.isEmpty()) {
            failure.compareAndSet(null, new PipelineException("stopped with " + unwritten.size() + " bronze batch(es) unwritten"));
        }
        unwritten.forEach(BronzeWriter::closeQuietly);
    }

    private static void closeQuietly(BronzeBatch batch) {
        try {
            batch.close();
        } catch (SQLException e) {
            LOG.debug("Closing an unwritten bronze batch of {} failed", batch.table(), e);
        }
    }
}
