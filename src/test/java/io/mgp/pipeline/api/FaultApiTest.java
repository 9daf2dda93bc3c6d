package io.mgp.pipeline.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mgp.pipeline.AccessLogLines;
import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.cli.CamelApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Each fault of {@code mgp.faults} as a client of a real server sees it; {@link ApiContractTest} covers none. */
class FaultApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DATA_PATHS = List.of("/seasons", "/events?season_id=x", "/categories?event_id=x",
            "/sessions?event_id=x&category_id=y", "/classification?session_id=x");

    @Test
    void errorAnswersEveryDataRequestWithA5xxAndJson() throws Exception {
        try (Server server = new Server("error=1")) {
            for (int i = 0; i < 4; i++) {
                for (String path : DATA_PATHS) {
                    HttpResponse<byte[]> response = server.get(path);
                    assertTrue(List.of(500, 502, 503).contains(response.statusCode()), path + " " + response.statusCode());
                    assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
                    assertTrue(JSON.readTree(response.body()).path("error").asText().contains("injected fault"), path);
                }
            }
            assertEquals(200, server.get("/").statusCode(), "the home page has no faults");
            assertEquals(200, server.get("/observe/health").statusCode(), "health has no faults");
            String metrics = new String(server.get("/observe/metrics").body(), UTF_8);
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith("mgp_api_faults_total{")
                    && line.contains("kind=\"error\"") && line.endsWith(" 20.0")), metrics);
        }
    }

    @Test
    void throttleAnswersABurstAboveTheRateWith429AndRetryAfter() throws Exception {
        try (Server server = new Server("throttle=5")) {
            List<HttpResponse<byte[]>> burst = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                burst.add(server.get("/seasons"));
            }
            List<HttpResponse<byte[]>> throttled = burst.stream().filter(r -> r.statusCode() == 429).toList();
            assertEquals(200, burst.get(0).statusCode(), "the first requests are within the rate");
            assertTrue(throttled.size() >= 25, throttled.size() + " of 50 throttled");
            for (HttpResponse<byte[]> response : throttled) {
                assertEquals("1", response.headers().firstValue("Retry-After").orElse(""));
                assertTrue(JSON.readTree(response.body()).path("error").isTextual());
            }
            assertEquals(200, server.get("/").statusCode(), "the home page is not throttled");
        }
    }

    @Test
    void malformedAnswers200WithABodyCutShort() throws Exception {
        try (Server server = new Server("malformed=1")) {
            // on one keep-alive connection: a cut answer is still framed right, so the next one arrives whole
            for (String path : List.of("/seasons", "/seasons", "/events?season_id=x")) {
                HttpResponse<byte[]> response = server.get(path);
                assertEquals(200, response.statusCode());
                String body = new String(response.body(), UTF_8);
                assertTrue(body.startsWith("["), body);
                assertThrows(JsonProcessingException.class, () -> JSON.readTree(response.body()), body);
            }
        }
    }

    @Test
    void dropClosesTheConnectionWithoutAnAnswer() throws Exception {
        try (AccessLogLines lines = new AccessLogLines(); Server server = new Server("drop=1")) {
            assertThrows(IOException.class, () -> server.get("/seasons"));
            assertEquals(200, server.get("/").statusCode(), "the home page is not dropped");
            lines.await("GET /seasons dropped ");
        }
    }

    @Test
    void latencyDelaysEveryAnswerWithoutBlockingTheServer() throws Exception {
        try (Server server = new Server("latency=300ms")) {
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                answers.add(server.http.sendAsync(server.request("/seasons"), HttpResponse.BodyHandlers.ofByteArray()));
            }
            for (CompletableFuture<HttpResponse<byte[]>> answer : answers) {
                assertEquals(200, answer.join().statusCode());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofMillis(300)) >= 0, "answered after " + took);
            assertTrue(took.compareTo(Duration.ofMillis(1200)) < 0, "five delays overlap, took " + took);
        }
    }

    @Test
    void sameSeedGivesTheSameFaultsForTheSameRequests() throws Exception {
        String spec = "error=0.25,drop=0.15,malformed=0.25,seed=42";
        List<String> first = outcomes(spec);
        List<String> second = outcomes(spec);

        assertEquals(first, second);
        for (String outcome : List.of("200", "malformed", "dropped")) {
            assertTrue(first.contains(outcome), outcome + " missing from " + first);
        }
        assertTrue(first.stream().anyMatch(o -> o.startsWith("5")), "no 5xx in " + first);
    }

    /** What 40 requests in a row meet: a status, {@code malformed} (200 that does not parse) or {@code dropped}. */
    private static List<String> outcomes(String spec) throws Exception {
        try (Server server = new Server(spec)) {
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                outcomes.add(server.outcome(DATA_PATHS.get(i % DATA_PATHS.size())));
            }
            return outcomes;
        }
    }

    /** The API on a free loopback port with these faults, and a client of its own. */
    private static final class Server implements AutoCloseable {

        private final CamelApp app;
        private final String baseUrl;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Server(String faults) throws Exception {
            app = CamelApp.api(Map.of("mgp.seeds", TestSeeds.small().toString(), "mgp.port", "0", "mgp.faults", faults))
                    .start();
            baseUrl = "http://" + app.property("mgp.host") + ":" + app.property("mgp.port");
        }

        HttpRequest request(String path) {
            return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).GET().build();
        }

        HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
            return http.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
        }

        String outcome(String path) throws InterruptedException {
            try {
                HttpResponse<byte[]> response = get(path);
                if (response.statusCode() != 200) {
                    return String.valueOf(response.statusCode());
                }
                JsonNode parsed = JSON.readTree(response.body());
                return parsed.isArray() ? "200" : "not an array: " + parsed;
            } catch (JsonProcessingException e) {
                return "malformed";
            } catch (IOException e) {
                return "dropped";
            }
        }

        @Override
        public void close() throws Exception {
            app.close();
        }
    }
}
