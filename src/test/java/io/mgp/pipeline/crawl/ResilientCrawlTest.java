package io.mgp.pipeline.crawl;

import static io.mgp.pipeline.LakeAssertions.assertGoldMatchesSeeds;
import static io.mgp.pipeline.LakeAssertions.assertNoPartialFiles;
import static io.mgp.pipeline.LakeAssertions.count;
import static io.mgp.pipeline.LakeAssertions.stateCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mgp.pipeline.TestRuns;
import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.cli.CamelApp;
import io.mgp.pipeline.cli.Cli;
import io.mgp.pipeline.duck.SqlResource;
import io.mgp.pipeline.run.RunReport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawl against an API that misbehaves: retried until it answers, or failed task by task while the run goes on. */
class ResilientCrawlTest {

    /** The acceptance spec: every kind of fault at once, on the real data. */
    private static final String ACCEPTANCE_FAULTS = "error=0.1,throttle=2000,malformed=0.01,drop=0.01,jitter=20ms,seed=7";

    @TempDir
    Path lake;

    @Test
    void aCrawlThroughEveryKindOfFaultEndsWithTheSameGoldAsWithout() throws Exception {
        Path seeds = TestSeeds.small();
        // About 3 attempts in 10 fail here: with 10 attempts a task fails with odds of 0.3^10, and among the run's
        // thousands of requests one did (2026-12-07), some 2 runs in 100; 0.3^16 makes it about 1 in 100,000
        RunReport report = run(seeds, "mgp.faults", "error=0.2,throttle=300,malformed=0.05,drop=0.05,jitter=2ms,seed=3",
                "mgp.retry.delay", "10", "mgp.retry.attempts", "16");

        assertEquals(List.of(), report.failures());
        assertGoldMatchesSeeds(lake, seeds);
        assertNoPartialFiles(lake);
    }

    /** The real data's one run in the tests: faults change how it is fetched, never what is built from it. */
    @Test
    void aFaultedCrawlOfTheRealDataEndsWithTheGoldAndTestResultsOfAnUnfaultedOne() throws Exception {
        assumeTrue(TestSeeds.real().isPresent(), "the real MotoGP data is not beside the repo");
        Path seeds = TestSeeds.real().get();
        // Answers take 10 ms on average (jitter): more requests in flight keep the test short.
        RunReport report = run(seeds, "mgp.faults", ACCEPTANCE_FAULTS, "mgp.concurrency", "32");

        assertEquals(List.of(), report.failures());
        assertEquals(14_665, report.requests(), "each request answered once, whatever it took");
        Path gold = lake.resolve("gold/mgp.parquet");
        assertEquals(199_070, count("SELECT count(*) FROM read_parquet(" + SqlResource.literal(gold) + ")"));
        assertGoldMatchesSeeds(lake, seeds);
        assertEquals(0, count("SELECT count(*) FROM read_parquet(" + SqlResource.literal(gold) + ") WHERE event_short_name IS NULL"));
        List<RunReport.DataTestOutcome> notPassed = report.dataTests().stream().filter(t -> !t.status().equals("pass")).toList();
        assertEquals(1, notPassed.size(), "every data test passes but one warning: " + notPassed);
        assertEquals("not_null_silver_classifications_position", notPassed.get(0).name());
        assertEquals("warn", notPassed.get(0).status());
        assertEquals(13_850, notPassed.get(0).failures(), "the original Bash Full pipeline's null-position count");
        assertEquals(List.of(), report.modelFailures());
    }

    @Test
    void aWrongShapedAnswerFailsItsTaskNamingTheUrlWritesNothingForItAndTheNextRunRetriesIt() throws Exception {
        Path seeds = TestSeeds.small();
        String session = firstSessionWithResults(seeds);
        try (CamelApp api = CamelApp.api(Map.of("mgp.seeds", seeds.toString(), "mgp.port", "0")).start();
             RewritingProxy wrong = new RewritingProxy("http://127.0.0.1:" + api.property("mgp.port"), "application/json",
                     (request, body) -> request.equals("/classification?session_id=" + session)
                             ? "{\"error\":\"not a list\"}".getBytes(StandardCharsets.UTF_8) : body)) {
            int failedRun = Cli.execute("run", "--quiet", "--api-url", wrong.url(), "--lake", lake.toString());

            assertEquals(1, failedRun, "a run that went on without a task ends non-zero");
            assertEquals(1, stateCount(lake, "SELECT count(*) FROM tasks WHERE status = 'failed'"));
            assertEquals(1, stateCount(lake, "SELECT count(*) FROM tasks WHERE session_id = '" + session + "' AND last_error = "
                    + SqlResource.literal("the answer from " + wrong.url() + "/classification?session_id=" + session
                            + " has the wrong shape: expected a JSON array, got an object")));
            assertEquals(1, stateCount(lake, "SELECT count(*) FROM runs WHERE status = 'succeeded'"),
                    "the run itself went to the end");
            try (Stream<Path> logs = Files.walk(lake.resolve("logs"))) {
                String log = Files.readString(logs.filter(f -> f.endsWith("process.log")).findFirst().orElseThrow());
                assertTrue(log.contains("\"session_id\":\"" + session + "\""), "the run log names the failed task");
            }
            assertEquals(0, count("SELECT count(*) FROM read_parquet(" + SqlResource.literal(lake.resolve("bronze/classifications/*/*.parquet"))
                    + ") WHERE session_id = '" + session + "'"), "nothing written for the failed task");

            int exit = Cli.execute("run", "--quiet", "--api-url", "http://127.0.0.1:" + api.property("mgp.port"),
                    "--lake", lake.toString());

            assertEquals(0, exit, "the next run fetches the failed task from the sound API");
        }
        assertGoldMatchesSeeds(lake, seeds);
    }

    @Test
    void aRequestWithoutAnAnswerIsAskedOncePlusItsRetriesThenTheRunFails() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread hangUp = new Thread(() -> {
                while (!silent.isClosed()) {
                    try (Socket connection = silent.accept()) {
                        connections.incrementAndGet(); // closed at once, without an answer
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            hangUp.setDaemon(true);
            hangUp.start();
            try (CamelApp client = CamelApp.client(Map.of("mgp.api-url", "http://127.0.0.1:" + silent.getLocalPort(),
                    "mgp.lake", lake.toString(), "mgp.retry.attempts", "2", "mgp.retry.delay", "10")).start()) {
                assertThrows(Exception.class, client::run);
            }
        }
        assertEquals(1 + 3, connections.get(), "the probe that finds the API reachable, the first request and its 2 retries");
    }

    @Test
    void aRequestRateLimitHoldsTheCrawlToIt() throws Exception {
        int maxRps = 150;
        RunReport report = run(TestSeeds.small(), "mgp.max-rps", String.valueOf(maxRps));

        double seconds = report.stages().get("crawl").toMillis() / 1000.0;
        assertTrue(report.requests() > maxRps, report.requests() + " requests: too few to be held back");
        // At most maxRps requests start in each second, so the last of N starts ceil(N / maxRps) - 1 seconds after the first.
        long bound = (long) Math.ceil(report.requests() / (double) maxRps) - 1;
        assertTrue(seconds >= bound, report.requests() + " requests in " + seconds + " s at most " + maxRps + " a second");
    }

    private RunReport run(Path seeds, String... properties) throws Exception {
        return TestRuns.run(seeds, lake, properties);
    }

    private static String firstSessionWithResults(Path seeds) throws Exception {
        try (var duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             var sql = duck.createStatement();
             var rows = sql.executeQuery("SELECT min(session_id) FROM read_parquet("
                     + SqlResource.literal(seeds.resolve("classifications.parquet")) + ")")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
