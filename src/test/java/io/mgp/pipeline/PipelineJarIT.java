package io.mgp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar on its own: {@code java -jar target/pipeline.jar} finds its routes, components and SQL inside it. */
class PipelineJarIT {

    private static final Path JAR = Path.of(System.getProperty("pipeline.jar", "target/pipeline.jar"));

    @TempDir
    Path temp;

    @Test
    void jarServesTheApiAndStopsOnSigterm() throws Exception {
        int port = freePort();
        Process server = java("serve", "--seeds", TestSeeds.small().toString(), "--port", String.valueOf(port));
        try {
            HttpResponse<String> home = awaitAnswer(URI.create("http://127.0.0.1:" + port + "/"), Duration.ofSeconds(60));
            assertEquals("Local Open MotoGP DB", home.body());
            HttpResponse<String> seasons = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/seasons")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, seasons.statusCode());
            assertTrue(seasons.body().startsWith("[{\"id\":"), seasons.body());
        } finally {
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "serve stops on SIGTERM");
        }
    }

    @Test
    void jarRunCrawlsIntoTheLakeAndPrintsASummary() throws Exception {
        Path lake = temp.resolve("lake");
        Process run = java("run", "--seeds", TestSeeds.small().toString(), "--lake", lake.toString(), "--port", "0");
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "run finishes");
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, run.exitValue(), output);
        assertTrue(output.contains("Run finished in"), output);
        long results = LakeAssertions.parquetRows(TestSeeds.small().resolve("classifications.parquet"));
        assertTrue(output.matches("(?s).*Gold\\s+mgp\\s+" + String.format("%,d", results) + " rows.*"),
                "the summary gives gold's rows: " + output);
        assertTrue(output.matches("(?s).*Stages\\s+startup [\\d.]+ s, crawl [\\d.]+ s, tasks [\\d.]+ s, transform [\\d.]+ s.*"), output);
        assertTrue(output.matches("(?s).*Tasks\\s+done [\\d,]+, empty [\\d,]+, failed 0, pending 0.*"), output);
        assertTrue(output.contains("Lake       " + lake.toAbsolutePath()), output);
        LakeAssertions.assertGoldMatchesSeeds(lake, TestSeeds.small());
    }

    private Process java(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        assertTrue(Files.isRegularFile(JAR), "run 'mvn package' first: " + JAR);
        return new ProcessBuilder(command).redirectError(temp.resolve("stderr.log").toFile()).start();
    }

    /** The first 200 answer: the port opens a moment before the routes are ready (no health endpoint yet). */
    private static HttpResponse<String> awaitAnswer(URI uri, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        Object last = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return answer;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException notYet) {
                last = notYet;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no 200 from " + uri + " within " + timeout + "; last: " + last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
