package io.mgp.pipeline.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.cli.CamelApp;
import io.mgp.pipeline.run.RunReport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real run on small seeds writes its log as JSON lines to {@code <lake>/logs/<run id>/process.log}. */
class RunLogTest {

    private static final List<String> REQUIRED = List.of("timestamp", "level", "run_id", "logger", "thread", "message");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path lake;

    private static RunReport report;
    private static List<JsonNode> lines;

    @BeforeAll
    static void run() throws Exception {
        try (CamelApp app = CamelApp.apiAndClient(Map.of(
                "mgp.seeds", TestSeeds.small().toString(), "mgp.lake", lake.toString(), "mgp.port", "0")).start()) {
            report = app.run();
        }
        lines = read(RunLog.file(lake, report.runId()));
    }

    @Test
    void everyLineIsAJsonObjectWithTheRequiredFieldsAndTheRunsId() {
        assertFalse(lines.isEmpty());
        for (JsonNode line : lines) {
            for (String field : REQUIRED) {
                assertTrue(line.hasNonNull(field), field + " missing: " + line);
            }
            assertEquals(report.runId(), line.get("run_id").asText(), line.toString());
            assertTrue(line.get("timestamp").asText().endsWith("Z"), "UTC: " + line);
            Instant.parse(line.get("timestamp").asText());
        }
    }

    @Test
    void linesSayTheStageOfTheRunAndTheRouteTheyWereLoggedIn() {
        Set<String> stages = new TreeSet<>();
        lines.stream().filter(line -> line.has("stage")).forEach(line -> stages.add(line.get("stage").asText()));
        assertTrue(stages.containsAll(List.of("crawl", "transform")), "stages: " + stages);
        assertTrue(lines.stream().anyMatch(line -> "transform".equals(line.path("route_id").asText(null))),
                "a model is built in the transform route");
    }

    @Test
    void theRunTellsWhatItDidAtInfo() {
        for (String message : List.of("Apache Camel (Main) 4.18.0 is starting", "Run started", "Stage crawl started", "Stage crawl finished in", "Bronze batch written",
                "OK built gold.mgp", "Run finished")) {
            assertTrue(lines.stream().anyMatch(line -> line.get("level").asText().equals("INFO")
                    && line.get("message").asText().contains(message)), message);
        }
    }

    @Test
    void noLineCarriesAnApiAnswer() {
        // every answer the crawl received that had rows is a JSON array of objects
        for (JsonNode line : lines) {
            for (String text : texts(line)) {
                assertFalse(text.contains("[{\""), "an API answer in: " + line);
            }
        }
    }

    @Test
    void aFailedRunLogsTheFailureWithItsExceptionAndStack(@TempDir Path otherLake) throws Exception {
        try (CamelApp app = CamelApp.client(Map.of(
                "mgp.api-url", "http://127.0.0.1:" + closedPort(), "mgp.lake", otherLake.toString())).start()) {
            assertThrows(RuntimeException.class, app::run);
        }
        List<JsonNode> failedRun = read(onlyRunLog(otherLake));
        JsonNode last = failedRun.get(failedRun.size() - 1);
        assertEquals("ERROR", last.get("level").asText(), last.toString());
        assertTrue(last.get("message").asText().startsWith("Run failed: cannot reach the API"), last.toString());
        assertFalse(last.path("exception").path("class").asText().isEmpty(), last.toString());
        assertTrue(last.path("exception").path("stack").asText().contains("\tat "), last.toString());
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode node = JSON.readTree(line);
            assertTrue(node.isObject(), "not a JSON object: " + line);
            parsed.add(node);
        }
        return parsed;
    }

    private static List<String> texts(JsonNode node) {
        if (node.isContainerNode()) {
            List<String> texts = new ArrayList<>();
            node.elements().forEachRemaining(child -> texts.addAll(texts(child)));
            return texts;
        }
        return List.of(node.asText());
    }

    private static Path onlyRunLog(Path lake) throws IOException {
        try (Stream<Path> runs = Files.list(lake.resolve("logs"))) {
            List<Path> folders = runs.toList();
            assertEquals(1, folders.size(), folders.toString());
            return folders.get(0).resolve("process.log");
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
