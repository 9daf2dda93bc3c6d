package io.mgp.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.cli.CamelApp;
import io.mgp.pipeline.cli.Cli;
import io.mgp.pipeline.crawl.CrawlPlan;
import io.mgp.pipeline.log.RunLog;
import io.mgp.pipeline.state.StateDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Off a terminal, as in a build, progress is a log line every interval, which the run's log keeps too;
 * run --quiet has none.
 */
class ProgressDisplayTest {

    private static final String PROGRESS_LOGGER = "\"logger\":\"io.mgp.pipeline.progress\"";

    @TempDir
    Path lake;

    @Test
    void offATerminalProgressIsLoggedEveryInterval() throws Exception {
        RunReport report = run("mgp.progress.interval", "20ms");
        List<String> progress = progressLines(RunLog.file(lake, report.runId()));

        assertTrue(progress.size() >= 2, "a run of small seeds lasts longer than a few intervals: " + progress);
        assertTrue(progress.stream().allMatch(line -> line.matches(".*\"message\":\"\\w+: [\\d,]+/[\\d,]+\\+? tasks, "
                + "[\\d,]+ bronze rows, [\\d,]+ req/s.*")), String.join("\n", progress));
    }

    @Test
    void runQuietShowsNoProgress() throws Exception {
        System.setProperty("mgp.progress.interval", "20ms");
        try {
            assertEquals(0, Cli.execute("run", "--quiet", "--seeds", TestSeeds.small().toString(),
                    "--lake", lake.toString(), "--port", "0"));
        } finally {
            System.clearProperty("mgp.progress.interval");
        }
        try (Stream<Path> runs = Files.list(lake.resolve("logs"))) {
            Path runLog = runs.findFirst().orElseThrow().resolve("process.log");
            assertEquals(List.of(), progressLines(runLog));
        }
    }

    @Test
    void withProgressOffItIsStillSampledSoTheFirstRateAskedIsRecent() throws Exception {
        StateDb state = new StateDb(lake.resolve("state/queue.duckdb"));
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            RunReport report = new RunReport();
            CrawlPlan plan = new CrawlPlan(state, report.runId(), null);
            plan.begin();
            Progress progress = new Progress(report, plan);
            context.getPropertiesComponent().addInitialProperty("mgp.progress", "false");
            context.getRegistry().bind(Progress.BEAN, progress);
            context.start();
            report.stage("crawl");
            try (ProgressDisplay display = ProgressDisplay.start(context)) {
                long end = System.nanoTime() + 2_500_000_000L;
                while (System.nanoTime() < end) {
                    report.request("events?season_id=1");
                    Thread.sleep(10);
                }
                // as a JMX client asks: one snapshot, nothing before it but the sampler's
                assertTrue(progress.snapshot().requestsPerSecond() > 10, "requests were made all along");
            }
        } finally {
            state.stop();
        }
    }

    private RunReport run(String... properties) throws Exception {
        Map<String, String> config = new HashMap<>(Map.of(
                "mgp.seeds", TestSeeds.small().toString(), "mgp.lake", lake.toString(), "mgp.port", "0"));
        for (int i = 0; i < properties.length; i += 2) {
            config.put(properties[i], properties[i + 1]);
        }
        try (CamelApp app = CamelApp.apiAndClient(config).start()) {
            return app.run();
        }
    }

    private static List<String> progressLines(Path runLog) throws Exception {
        try (Stream<String> lines = Files.lines(runLog)) {
            return lines.filter(line -> line.contains(PROGRESS_LOGGER)).collect(Collectors.toList());
        }
    }
}
