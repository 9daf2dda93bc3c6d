package io.mgp.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.mgp.pipeline.LakeAssertions;
import io.mgp.pipeline.TestSeeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A build's OpenLineage events: in the run's log folder, and sent to an HTTP receiver when one is configured. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuildOpenLineageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path lake;

    @BeforeAll
    void crawlOnce(@TempDir Path lake) {
        this.lake = lake;
        CliRun run = CliRun.execute("run", "--seeds", TestSeeds.small().toString(), "--lake", lake.toString(), "--port", "0", "-q");
        assertEquals(0, run.code(), run.err());
    }

    @AfterEach
    void noReceiver() {
        System.clearProperty("mgp.openlineage.url");
        System.clearProperty("mgp.openlineage.enabled");
    }

    @Test
    void eachModelStartsAndCompletesWithItsSchemaColumnLineageRowsAndTestsWithinTheBuildsRun() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/api/v1/lineage", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        receiver.start();
        try {
            System.setProperty("mgp.openlineage.url", "http://127.0.0.1:" + receiver.getAddress().getPort());
            assertEquals(0, CliRun.execute("build", "--lake", lake.toString()).code());
        } finally {
            receiver.stop(0);
        }

        List<JsonNode> events = newestEvents();
        assertEquals(events.size(), received.size(), "every event was also sent");
        assertEquals(events.get(0), JSON.readTree(received.get(0)));
        assertEquals("START build", typeAndJob(events.get(0)));
        assertEquals("COMPLETE build", typeAndJob(events.get(events.size() - 1)));
        String parentRun = events.get(0).path("run").path("runId").asText();
        List<String> models = events.stream().filter(e -> e.path("job").path("name").asText().startsWith("model.")).map(BuildOpenLineageTest::typeAndJob).toList();
        assertEquals(List.of("START model.silver.seasons", "START model.silver.events", "START model.silver.categories",
                "START model.silver.sessions", "START model.silver.classifications", "START model.gold.mgp",
                "COMPLETE model.silver.seasons", "COMPLETE model.silver.events", "COMPLETE model.silver.categories",
                "COMPLETE model.silver.sessions", "COMPLETE model.silver.classifications", "COMPLETE model.gold.mgp"), models);

        JsonNode gold = events.stream().filter(e -> typeAndJob(e).equals("COMPLETE model.gold.mgp")).findFirst().orElseThrow();
        assertEquals(parentRun, gold.path("run").path("facets").path("parent").path("run").path("runId").asText());
        assertEquals(List.of("silver.categories", "silver.classifications", "silver.events", "silver.seasons", "silver.sessions"),
                gold.path("inputs").valueStream().map(input -> input.path("name").asText()).sorted().toList());
        JsonNode output = gold.path("outputs").get(0);
        assertEquals("gold.mgp", output.path("name").asText());
        assertEquals(lake.toUri().toString().replaceFirst("/$", ""), output.path("namespace").asText());
        assertEquals("event_short_name", output.path("facets").path("schema").path("fields").get(2).path("name").asText());
        JsonNode shortName = output.path("facets").path("columnLineage").path("fields").path("event_short_name").path("inputFields").get(0);
        assertEquals("silver.events sname", shortName.path("name").asText() + " " + shortName.path("field").asText());
        assertEquals(LakeAssertions.tableRows(lake, "gold.mgp"), output.path("outputFacets").path("outputStatistics").path("rowCount").asLong());

        JsonNode goldTests = events.stream().filter(e -> typeAndJob(e).equals("COMPLETE test.gold.mgp")).findFirst().orElseThrow();
        JsonNode assertions = goldTests.path("inputs").get(0).path("inputFacets").path("dataQualityAssertions").path("assertions");
        assertEquals(5, assertions.size(), assertions.toString());
        assertEquals("not_null_gold_mgp_year year true", assertions.get(0).path("assertion").asText() + " "
                + assertions.get(0).path("column").asText() + " " + assertions.get(0).path("success").asBoolean());
        for (JsonNode event : events) {
            assertTrue(event.path("eventTime").asText().endsWith("Z") && event.path("producer").asText().startsWith("urn:mgp-pipeline:")
                    && event.path("schemaURL").asText().startsWith("https://openlineage.io/spec/"), event.toString());
        }
    }

    @Test
    void aReceiverThatDoesNotAnswerFailsNothingAndIsWarnedOfOnce() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 0, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        System.setProperty("mgp.openlineage.url", "http://127.0.0.1:" + closedPort);

        CliRun build = CliRun.execute("build", "--lake", lake.toString());

        assertEquals(0, build.code(), build.err());
        assertEquals(1, build.out().lines().filter(line -> line.contains("WARN") && line.contains("OpenLineage events could not be sent to"
                + " http://127.0.0.1:" + closedPort)).count(), build.out());
        assertTrue(newestEvents().size() > 2, "the file still has them all");
    }

    @Test
    void aBuildWithEventsTurnedOffWritesAndSendsNone() throws Exception {
        System.setProperty("mgp.openlineage.enabled", "false");
        System.setProperty("mgp.openlineage.url", "http://127.0.0.1:9");

        CliRun build = CliRun.execute("build", "--lake", lake.toString());

        assertEquals(0, build.code(), build.err());
        assertFalse(build.out().contains("OpenLineage"), build.out());
        Path log = Path.of(build.out().lines().filter(line -> line.startsWith("  Log ")).findFirst().orElseThrow().substring(6).strip());
        assertTrue(Files.exists(log.resolve("process.log")), "the build's own log folder: " + log);
        assertFalse(Files.exists(log.resolve("openlineage.ndjson")));
    }

    private List<JsonNode> newestEvents() throws IOException {
        Path newest;
        try (Stream<Path> files = Files.list(lake.resolve("logs"))) {
            // by time written: two builds' run ids in one second sort by their random suffix
            newest = files.map(folder -> folder.resolve("openlineage.ndjson")).filter(Files::exists)
                    .max(Comparator.comparing(BuildOpenLineageTest::modified).thenComparing(Path::toString)).orElseThrow();
        }
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(newest)) {
            events.add(JSON.readTree(line));
        }
        return events;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String typeAndJob(JsonNode event) {
        return event.path("eventType").asText() + " " + event.path("job").path("name").asText();
    }
}
