package io.mgp.pipeline.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.LakeAssertions;
import io.mgp.pipeline.run.RunReport;
import io.mgp.pipeline.state.StateDb;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a flush waits for: the batches the aggregator completed, until they are written; not a batch still gathering,
 * and not forever once the pipeline stops. (A hang here would hang a run, hence the generous time limits.)
 */
class BronzeWriterTest {

    private static final Duration HANG = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final CamelContext camel = new DefaultCamelContext();
    private StateDb state;
    private BronzeWriter writer;

    @BeforeEach
    void open() throws Exception {
        Lake lake = new Lake(dir.toString());
        state = new StateDb(lake.stateFile());
        writer = new BronzeWriter(lake, new RunReport(), state);
        writer.start();
    }

    @AfterEach
    void close() {
        writer.stop();
        state.stop();
    }

    @Test
    void aBatchStillGatheringDoesNotHoldUpAFlush() throws Exception {
        writer.open("seasons").add(page("1", "1949"));

        assertTimeoutPreemptively(HANG, writer::requireAllWritten);
    }

    @Test
    void aBatchFoundFullIsWaitedForUntilItIsWritten() throws Exception {
        BronzeBatch batch = writer.open("seasons");
        batch.add(page("1", "1949"));
        assertTrue(writer.fullAt(1).matches(holding(batch)), "one answer is a full batch at one character");

        CompletableFuture<Void> flush = CompletableFuture.runAsync(this::requireAllWritten);
        Thread.sleep(200);
        assertFalse(flush.isDone(), "the flush waits for the full batch");

        writer.write(batch);
        assertTimeoutPreemptively(HANG, () -> flush.get());
        assertEquals(1, LakeAssertions.files(dir.resolve("bronze/seasons")).count());
    }

    @Test
    void stoppingFailsAFlushStillWaitingAndClosesTheBatchesNoWriterHolds() throws Exception {
        BronzeBatch batch = writer.open("seasons");
        batch.add(page("1", "1949"));
        writer.completed(batch);
        CompletableFuture<Void> flush = CompletableFuture.runAsync(this::requireAllWritten);

        writer.stop();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> assertTimeoutPreemptively(HANG, () -> flush.get()));
        assertTrue(failure.getCause().getMessage().contains("bronze write failed: stopped"), failure.getCause().getMessage());
        assertTrue(batch.connection().isClosed(), "the unwritten batch's connection is closed");
        assertThrows(IllegalStateException.class, () -> writer.open("seasons"), "no batch opens once stopped");
    }

    private void requireAllWritten() {
        try {
            writer.requireAllWritten();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Exchange holding(BronzeBatch batch) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(batch);
        return exchange;
    }

    private static BronzePage page(String seasonId, String year) {
        return new BronzePage("seasons", "run", "seasons", "fetch-" + seasonId, LocalDateTime.now(),
                Map.of("season", year), ("[{\"id\": \"" + seasonId + "\", \"year\": " + year + "}]").getBytes(StandardCharsets.UTF_8), 1);
    }
}
