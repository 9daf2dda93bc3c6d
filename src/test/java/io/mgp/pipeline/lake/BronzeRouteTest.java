package io.mgp.pipeline.lake;

import static io.mgp.pipeline.LakeAssertions.assertNoPartialFiles;
import static io.mgp.pipeline.LakeAssertions.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mgp.pipeline.LakeAssertions;
import io.mgp.pipeline.cli.CamelApp;
import io.mgp.pipeline.crawl.AnswerShape;
import io.mgp.pipeline.duck.SqlResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.ExchangeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lake routes on their own: API answers sent to direct:bronze become partitioned bronze parquet. */
class BronzeRouteTest {

    /** Characters of JSON per batch: more than one two-row answer, less than two. */
    private static final int BATCH_SIZE = 300;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path lake;

    private CamelApp app;
    private ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        app = CamelApp.client(Map.of("mgp.lake", lake.toString(), "mgp.api-url", "http://127.0.0.1:9",
                "mgp.bronze.batch-size", String.valueOf(BATCH_SIZE))).start();
        producer = app.context().createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        producer.stop();
        app.close();
    }

    @Test
    void aFullBatchIsWrittenWithoutWaitingForTheFlush() throws Exception {
        int size = sendClassification("2001", "s1", row("s1", "Valentino Rossi", 1), row("s1", "Max Biaggi", 2));
        assertTrue(size < BATCH_SIZE && 2 * size >= BATCH_SIZE, "answer of " + size + " characters");
        assertEquals(0, LakeAssertions.files(lake).filter(f -> f.toString().endsWith(".parquet")).count(),
                "one answer: still gathering");

        sendClassification("2001", "s2", row("s2", "Loris Capirossi", 1), row("s2", "Sete Gibernau", 2));
        // The full batch is being written on the bronze writer's thread: wait for that write, not for a flush.
        app.context().getRegistry().lookupByNameAndType("bronzeWriter", BronzeWriter.class).requireAllWritten();

        assertEquals(4, bronzeRows("season=2001"), "two answers reach the batch size and their 4 rows are written");
        assertNoPartialFiles(lake);
    }

    @Test
    void flushWritesWhatIsGatheringOneFilePerSeason() throws Exception {
        sendClassification("1992", "a", row("a", "Wayne Rainey", 1));
        sendClassification("2024", "b", row("b", "Jorge Martín", 1));
        producer.sendBody("direct:bronze-flush", null);

        assertEquals(1, bronzeRows("season=1992"));
        assertEquals(1, bronzeRows("season=2024"));
        assertEquals(2, LakeAssertions.files(lake.resolve("bronze/classifications")).count());
        assertNoPartialFiles(lake);
    }

    @Test
    void rowsInheritTheCrawlsIdsTheApiLeftOutAndKeepTheirOwn() throws Exception {
        Map<String, Object> withoutSession = row(null, "Günter Beer", 7);
        sendClassification("1950", "from-crawl", withoutSession, row("from-api", "Les Graham", 1));
        producer.sendBody("direct:bronze-flush", null);

        String files = SqlResource.literal(lake.resolve("bronze/classifications/season=1950/*.parquet"));
        assertEquals(1, count("SELECT count(*) FROM read_parquet(" + files + ") WHERE session_id = 'from-crawl' AND name = 'Günter Beer'"));
        assertEquals(1, count("SELECT count(*) FROM read_parquet(" + files + ") WHERE session_id = 'from-api'"));
        assertEquals(2, count("SELECT count(*) FROM read_parquet(" + files
                + ") WHERE _request = 'classification?session_id=from-crawl' AND _fetched_at IS NOT NULL"));
    }

    @Test
    void aFailedBronzeWriteFailsTheFlushInsteadOfLosingRows() throws Exception {
        Files.createDirectories(lake.resolve("bronze"));
        Files.writeString(lake.resolve("bronze/classifications"), "a file where a folder must go");
        sendClassification("2001", "s1", row("s1", "Valentino Rossi", 1));

        CamelExecutionException failure = assertThrows(CamelExecutionException.class,
                () -> producer.sendBody("direct:bronze-flush", null));
        assertTrue(failure.getCause().getMessage().startsWith("bronze write failed"), failure.getCause().getMessage());
    }

    private long bronzeRows(String partition) throws Exception {
        Path folder = lake.resolve("bronze/classifications").resolve(partition);
        assertTrue(folder.toFile().isDirectory(), "no partition " + folder);
        return count("SELECT count(*) FROM read_parquet(" + SqlResource.literal(folder.resolve("*.parquet")) + ")");
    }

    @SafeVarargs
    private int sendClassification(String season, String sessionId, Map<String, Object>... rows) throws Exception {
        byte[] answer = JSON.writeValueAsBytes(List.of(rows));
        producer.send("direct:bronze", ExchangeBuilder.anExchange(app.context())
                .withBody(answer)
                .withProperty(AnswerShape.ROWS, rows.length)
                .withProperty("table", "classifications")
                .withProperty("request", "classification?session_id=" + sessionId)
                .withProperty("season", season)
                .withProperty("session_id", sessionId)
                .build());
        return answer.length;
    }

    private static Map<String, Object> row(String sessionId, String name, int position) {
        Map<String, Object> row = new LinkedHashMap<>();
        if (sessionId != null) {
            row.put("session_id", sessionId);
        }
        row.put("name", name);
        row.put("number", null);
        row.put("position", position);
        row.put("points", 25);
        return row;
    }
}
