package io.mgp.pipeline.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code run} command leaves its numbers in {@code <lake>/logs/<run id>/metrics.ndjson}, as its summary says them. */
class RunCommandMetricsFileTest {

    private static final Pattern SUMMARY_REQUESTS = Pattern.compile("Requests\\s+([\\d,]+) in");

    @TempDir
    Path lake;

    @Test
    void runWritesALinePerStageAndOneForTheWholeRun() throws Exception {
        String summary = run("run", "--seeds", TestSeeds.small().toString(), "--lake", lake.toString(), "--port", "0");

        Path file;
        try (Stream<Path> files = Files.find(lake.resolve("logs"), 2, (path, attributes) -> path.endsWith(MetricsFile.NAME))) {
            file = files.reduce((a, b) -> {
                throw new AssertionError("one metrics file per run: " + a + ", " + b);
            }).orElseThrow(() -> new AssertionError("no " + MetricsFile.NAME + " under " + lake.resolve("logs")));
        }
        String runId = file.getParent().getFileName().toString();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(json.readTree(line));
        }
        List<String> stages = lines.stream().map(line -> line.path("stage").asText()).toList();
        assertEquals("startup", stages.get(0), stages.toString());
        assertTrue(stages.contains("crawl") && stages.contains("transform"), stages.toString());
        assertEquals(MetricsFile.TOTAL, stages.get(stages.size() - 1), stages.toString());
        long stageSum = 0;
        for (JsonNode line : lines.subList(0, lines.size() - 1)) {
            assertEquals(runId, line.path("run_id").asText());
            stageSum += line.path("duration_ms").asLong();
        }
        JsonNode total = lines.get(lines.size() - 1);
        assertEquals(stageSum, total.path("duration_ms").asLong(), 1.0 * lines.size(), "the total is the stages' sum, give or take rounding");
        Matcher requests = SUMMARY_REQUESTS.matcher(summary);
        assertTrue(requests.find(), summary);
        assertEquals(Long.parseLong(requests.group(1).replace(",", "")), total.path("requests").asLong());
        assertTrue(total.path("requests_per_s").asDouble() > 0, total.toString());
        assertTrue(total.path("data_tests").path("pass").asLong() > 30, "the data tests by status: " + total);
        assertTrue(total.path("gold_rows").asLong() > 0, total.toString());
    }

    @Test
    void aFailedRunWritesItsFileWithItsStatusAndError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertEquals(1, Cli.execute("run", "--api-url", "http://127.0.0.1:" + closedPort, "--lake", lake.toString()));

        List<String> lines;
        try (Stream<Path> files = Files.find(lake.resolve("logs"), 2, (path, attributes) -> path.endsWith(MetricsFile.NAME))) {
            lines = Files.readAllLines(files.findFirst().orElseThrow(() -> new AssertionError("no metrics file")));
        }
        JsonNode total = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertEquals(MetricsFile.TOTAL, total.path("stage").asText(), total.toString());
        assertEquals("failed", total.path("status").asText(), total.toString());
        assertTrue(total.path("error").asText().startsWith("cannot reach the API at http://127.0.0.1:" + closedPort), total.toString());
        assertTrue(lines.stream().anyMatch(line -> line.contains("\"stage\":\"crawl\"")), "the stage it failed in: " + lines);
    }

    /** Runs the command line in this JVM and returns what it printed. */
    private static String run(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertEquals(0, Cli.execute(args));
        } finally {
            System.setOut(out);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
