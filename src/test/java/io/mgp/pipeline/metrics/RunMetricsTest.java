package io.mgp.pipeline.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.cli.CamelApp;
import io.mgp.pipeline.run.RunReport;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real run, API and crawl in one application; then its meters over HTTP and JMX, its health and metrics.ndjson. */
class RunMetricsTest {

    @TempDir
    static Path lake;

    private static CamelApp app;
    private static RunReport report;
    private static Observe observe;
    private static Observe.Scrape beforeTheRun;

    @BeforeAll
    static void run() throws Exception {
        app = CamelApp.apiAndClient(Map.of(
                "mgp.seeds", TestSeeds.small().toString(), "mgp.lake", lake.toString(), "mgp.port", "0")).start();
        observe = new Observe(app.property("mgp.port"));
        beforeTheRun = observe.scrape();
        report = app.run();
    }

    @Test
    void theCrawlsCountersArePublishedAtZeroBeforeItsFirstRequest() {
        for (String endpoint : List.of("seasons", "events", "categories", "sessions", "classification")) {
            String tag = "endpoint=\"" + endpoint + "\"";
            assertEquals(List.of("mgp_crawl_requests_total{" + tag + "} 0.0"),
                    beforeTheRun.matching("mgp_crawl_requests_total", tag), endpoint);
            assertEquals(0, beforeTheRun.count("mgp_crawl_request_errors_total", tag), endpoint);
        }
        for (String table : List.of("seasons", "events", "categories", "sessions", "classifications")) {
            assertEquals(0, beforeTheRun.count("mgp_bronze_rows_total", "table=\"" + table + "\""), table);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    @Test
    void crawlRequestsPerEndpointEqualTheReportWithALatencyHistogram() throws Exception {
        Observe.Scrape scrape = observe.scrape();
        assertEquals(Set.of("seasons", "events", "categories", "sessions", "classification"),
                report.requestsByEndpoint().keySet());
        report.requestsByEndpoint().forEach((endpoint, count) -> {
            String tag = "endpoint=\"" + endpoint + "\"";
            assertEquals(count, scrape.count("mgp_crawl_requests_total", tag), endpoint);
            assertEquals(0, scrape.count("mgp_crawl_request_errors_total", tag), endpoint);
            assertEquals(count, scrape.count("mgp_crawl_request_seconds_count", tag), endpoint);
            assertEquals(count, scrape.count("mgp_crawl_request_seconds_bucket", tag, "le=\"+Inf\""), endpoint);
            assertTrue(scrape.matching("mgp_crawl_request_seconds_bucket", tag).size() > 10, "histogram buckets of " + endpoint);
            assertTrue(scrape.value("mgp_crawl_request_seconds_sum", tag) > 0, endpoint);
        });
    }

    @Test
    void bronzeRowsPerTableEqualTheReport() throws Exception {
        Observe.Scrape scrape = observe.scrape();
        assertFalse(report.rows("bronze").isEmpty());
        report.rows("bronze").forEach((table, rows) -> {
            String tag = "table=\"" + table + "\"";
            assertEquals(rows, scrape.count("mgp_bronze_rows_total", tag), table);
            assertTrue(scrape.value("mgp_bronze_batches_total", tag) >= 1, table);
        });
    }

    @Test
    void everyStageHasItsDuration() throws Exception {
        Observe.Scrape scrape = observe.scrape();
        report.stages().forEach((stage, time) -> {
            String tag = "stage=\"" + stage + "\"";
            assertEquals(1, scrape.count("mgp_run_stage_seconds_count", tag), stage);
            assertEquals(time.toNanos() / 1e9, scrape.value("mgp_run_stage_seconds_sum", tag), 1e-6, stage);
        });
    }

    @Test
    void camelCountsTheApisRequestsPerEndpointAndTimesNoCrawlRoute() throws Exception {
        Observe.Scrape scrape = observe.scrape();
        // each endpoint's route is inlined into its rest route (api.yaml), named after it
        for (String endpoint : List.of("events", "classification")) {
            String route = "routeId=\"" + endpoint + "\"";
            assertEquals(report.requestsByEndpoint().get(endpoint), scrape.count("camel_exchanges_total", route));
            assertEquals(report.requestsByEndpoint().get(endpoint), scrape.count("camel_route_policy_seconds_count", route));
        }
        assertEquals(List.of(), scrape.matching("camel_exchanges_total", "routeId=\"fetch\""));
        assertEquals(List.of(), scrape.matching("camel_exchange_event_notifier_seconds_count"));
    }

    @Test
    void taskGaugesReadTheirSupplierAtEachScrape() throws Exception {
        PipelineMetrics metrics = app.context().getRegistry().lookupByNameAndType(PipelineMetrics.BEAN, PipelineMetrics.class);
        // a status of its own: the run may publish the real ones
        String status = "status=\"gauge-test\"";
        List<Integer> count = new ArrayList<>(List.of(7));
        metrics.taskGauge("gauge-test", () -> count.get(0));
        assertEquals(7, observe.scrape().count("mgp_tasks", status));
        count.set(0, 3);
        assertEquals(3, observe.scrape().count("mgp_tasks", status));
    }

    @Test
    void healthIsLiveAndReady() throws Exception {
        for (String path : List.of("/observe/health", "/observe/health/live", "/observe/health/ready")) {
            HttpResponse<String> response = observe.get(path);
            assertEquals(200, response.statusCode(), path);
            assertEquals("UP", new ObjectMapper().readTree(response.body()).path("status").asText(), path + ": " + response.body());
        }
    }

    @Test
    void theApisJsonFallbacksStillAnswerAroundTheObserveEndpoints() throws Exception {
        HttpResponse<String> unknown = observe.get("/observe/nothing");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("\"error\""), unknown.body());
        assertEquals(200, observe.get("/observe/metrics").statusCode());
        HttpResponse<String> post = observe.send(HttpRequest.newBuilder(observe.uri("/events"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(405, post.statusCode());
    }

    @Test
    void jmxHasThePipelinesMeters() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String domain = "org.apache.camel.micrometer:";
        ObjectName events = new ObjectName(domain + "name=mgpCrawlRequests.endpoint.events,type=meters");
        assertEquals(report.requestsByEndpoint().get("events"), server.getAttribute(events, "Count"));
        ObjectName eventsLatency = new ObjectName(domain + "name=mgpCrawlRequest.endpoint.events,type=timers");
        assertEquals(report.requestsByEndpoint().get("events"), server.getAttribute(eventsLatency, "Count"));
        ObjectName classificationRows = new ObjectName(domain + "name=mgpBronzeRows.table.classifications,type=meters");
        assertEquals(report.rows("bronze").get("classifications"), server.getAttribute(classificationRows, "Count"));
        assertTrue(server.isRegistered(new ObjectName(domain + "name=mgpRunStage.stage.crawl,type=timers")));
        assertTrue(server.queryNames(new ObjectName(domain + "name=*Histogram*,*"), null).isEmpty(),
                "no MBean per histogram bucket");
    }

    @Test
    void metricsFileHasALinePerStageAndOneForTheRun() throws Exception {
        Path file = MetricsFile.write(report, lake, null);

        assertEquals(lake.resolve("logs").resolve(report.runId()).resolve("metrics.ndjson"), file);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(json.readTree(line));
        }
        List<String> stages = new ArrayList<>(report.stages().keySet());
        assertEquals(stages.size() + 1, lines.size(), lines.toString());
        Duration total = Duration.ZERO;
        for (int i = 0; i < stages.size(); i++) {
            assertEquals(report.runId(), lines.get(i).path("run_id").asText());
            assertEquals(stages.get(i), lines.get(i).path("stage").asText());
            assertEquals(report.stages().get(stages.get(i)).toMillis(), lines.get(i).path("duration_ms").asLong());
            total = total.plus(report.stages().get(stages.get(i)));
        }
        JsonNode run = lines.get(stages.size());
        assertEquals("total", run.path("stage").asText());
        assertEquals("succeeded", run.path("status").asText());
        assertEquals(0, run.path("failures").asInt());
        assertEquals(total.toMillis(), run.path("duration_ms").asLong());
        assertEquals(report.requests(), run.path("requests").asLong());
        assertEquals(report.requests() / (total.toNanos() / 1e9), run.path("requests_per_s").asDouble(), 0.05);
        assertEquals(report.rows("gold").values().stream().mapToLong(Long::longValue).sum(), run.path("gold_rows").asLong());
    }
}
