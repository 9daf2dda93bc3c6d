package io.mgp.pipeline.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mgp.pipeline.AccessLogLines;
import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.cli.CamelApp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API alone, as {@code serve} starts it: Camel counts its requests per endpoint, and it reports its health. */
class ServeMetricsTest {

    private static CamelApp app;
    private static Observe observe;

    @BeforeAll
    static void serve() throws Exception {
        app = CamelApp.api(Map.of("mgp.seeds", TestSeeds.small().toString(), "mgp.port", "0")).start();
        observe = new Observe(app.property("mgp.port"));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    @Test
    void eachEndpointsRequestsAreCountedByItsRoute() throws Exception {
        String[] seasons = {"routeId=\"seasons\"", "eventType=\"route\""};
        long before = observe.scrape().count("camel_exchanges_total", seasons);
        assertEquals(200, observe.get("/seasons").statusCode());
        assertEquals(200, observe.get("/seasons").statusCode());

        Observe.Scrape scrape = observe.scrape();
        assertEquals(before + 2, scrape.count("camel_exchanges_total", seasons));
        assertEquals(before + 2, scrape.count("camel_route_policy_seconds_count", seasons));
        assertTrue(scrape.matching("mgp_crawl_requests_total").isEmpty(), "no crawl, no crawl meters");
    }

    @Test
    void everyKindOfFaultIsCountedFromZeroBeforeTheFirst() throws Exception {
        Observe.Scrape scrape = observe.scrape();
        for (String kind : List.of("error", "throttle", "malformed", "drop")) {
            assertEquals(List.of("mgp_api_faults_total{kind=\"" + kind + "\"} 0.0"),
                    scrape.matching("mgp_api_faults_total", "kind=\"" + kind + "\""), kind);
        }
    }

    @Test
    void aHeadIsLoggedAsAHeadAndARequestTheCodecRefusesIsLoggedToo() throws Exception {
        AccessLogLines lines = new AccessLogLines();
        try (lines) {
            observe.send(HttpRequest.newBuilder(observe.uri("/seasons")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            observe.get("/seasons?season_id=" + "9".repeat(5000));
            lines.await(" 414");
        }
        List<String> logged = lines.messages().stream().map(line -> line.substring(0, line.lastIndexOf(' '))).toList();
        assertEquals("HEAD /seasons 200", logged.get(0), logged.toString());
        assertTrue(logged.get(1).endsWith(" 414"), "a request line over 4 KB, refused before any route: " + logged);
    }

    @Test
    void healthIsLiveAndReady() throws Exception {
        for (String path : List.of("/observe/health", "/observe/health/live", "/observe/health/ready")) {
            HttpResponse<String> response = observe.get(path);
            assertEquals(200, response.statusCode(), path);
            assertEquals("UP", new ObjectMapper().readTree(response.body()).path("status").asText(), path);
        }
    }

    @Test
    void notReadyWhileARouteIsStopped() throws Exception {
        app.context().getRouteController().stopRoute("events");
        try {
            HttpResponse<String> ready = observe.get("/observe/health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            assertEquals("DOWN", new ObjectMapper().readTree(ready.body()).path("status").asText());
            assertEquals(200, observe.get("/observe/health/live").statusCode());
        } finally {
            app.context().getRouteController().startRoute("events");
        }
        assertEquals(200, observe.get("/observe/health/ready").statusCode());
    }

    @Test
    void scrapesAndProbesAreAccessLoggedWithTheirOwnStatus() throws Exception {
        AccessLogLines lines = new AccessLogLines();
        try (lines) {
            observe.get("/observe/metrics");
            observe.get("/observe/health/ready");
            observe.get("/observe/nothing");
        }
        List<String> logged = lines.messages().stream().map(line -> line.substring(0, line.lastIndexOf(' '))).toList();
        assertEquals(List.of("GET /observe/metrics 200", "GET /observe/health/ready 200", "GET /observe/nothing 404"), logged);
    }
}
