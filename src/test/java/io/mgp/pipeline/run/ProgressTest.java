package io.mgp.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.crawl.CrawlPlan;
import io.mgp.pipeline.state.StateDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures of a run's progress, from the run report and the crawl plan, as a run goes through its stages. */
class ProgressTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @TempDir
    Path lake;

    private StateDb state;
    private final RunReport report = new RunReport();

    @BeforeEach
    void openState() throws Exception {
        state = new StateDb(lake.resolve("state/queue.duckdb"));
    }

    @AfterEach
    void closeState() {
        state.stop();
    }

    @Test
    void tasksAreThisRunsOnlyThoseDiscoveredThenThoseLeftInTheQueueOnceDiscoveryIsOver() throws Exception {
        addTasks("done", "s1", "s2");
        CrawlPlan plan = new CrawlPlan(state, report.runId(), null);
        plan.begin();
        Progress progress = new Progress(report, plan);
        assertEquals("starting", progress.snapshot(0).stage());
        report.stage("crawl");
        for (String session : new String[] {"s1", "s2", "s3", "s4", "s5"}) {
            plan.fetchesNow(session);
        }
        fetched(2);

        ProgressSnapshot crawl = progress.snapshot(0);
        assertEquals("crawl", crawl.stage());
        assertEquals(2, crawl.tasksDone(), "two fetched; the two done by an earlier run are not this run's work");
        assertEquals(3, crawl.tasksTotal(), "three to fetch so far: s3, s4, s5");
        assertFalse(crawl.totalFinal(), "discovery goes on");

        fetched(1);
        addTasks("done", "s3", "s4", "s5");
        addTasks("pending", "s6", "s7");
        plan.settle();
        report.stage("tasks");

        ProgressSnapshot tasks = progress.snapshot(SECOND);
        assertEquals(3 + 2, tasks.tasksTotal(), "and the two the queue still holds");
        assertTrue(tasks.totalFinal());
        assertEquals(3, tasks.tasksDone());
    }

    @Test
    void aTaskLimitCapsTheTasksLeftInTheQueue() throws Exception {
        addTasks("pending", "s1", "s2", "s3");
        addTasks("failed", "s4");
        CrawlPlan plan = new CrawlPlan(state, report.runId(), 2);
        plan.begin();
        Progress progress = new Progress(report, plan);
        report.stage("crawl");
        assertFalse(plan.fetchesNow("s1"), "with a limit, nothing is fetched during discovery");
        plan.settle();

        assertEquals(2, progress.snapshot(0).tasksTotal());
    }

    @Test
    void ratesAndEtaFollowTheLastFewSecondsAndTheLineSaysItAll() throws Exception {
        CrawlPlan plan = new CrawlPlan(state, report.runId(), null);
        plan.begin();
        Progress progress = new Progress(report, plan);
        report.stage("crawl");
        for (int i = 0; i < 1000; i++) {
            plan.fetchesNow("s" + i);
        }
        fetched(100);
        report.bronzeWritten("classifications", 12_345, 1);
        progress.snapshot(0);

        fetched(100);
        ProgressSnapshot discovering = progress.snapshot(SECOND);
        assertEquals(100.0, discovering.requestsPerSecond(), 0.001);
        assertEquals(Optional.empty(), discovering.eta(), "no ETA while the total grows");
        assertEquals("crawl: 200/1,000+ tasks, 12,345 bronze rows, 100 req/s", discovering.line());

        plan.settle();
        report.stage("tasks");
        fetched(100);
        ProgressSnapshot tasks = progress.snapshot(2 * SECOND);
        assertEquals(100.0, tasks.requestsPerSecond(), 0.001, "since the stage started");
        assertEquals(Optional.of(Duration.ofSeconds(7)), tasks.eta(), "700 tasks left at 100/s");
        assertEquals("tasks: 300/1,000 tasks, 12,345 bronze rows, 100 req/s, ETA 0:07", tasks.line());

        progress.snapshot(5 * SECOND);
        fetched(400);
        ProgressSnapshot later = progress.snapshot(10 * SECOND);
        assertEquals(80.0, later.requestsPerSecond(), 0.001, "over the last 5 s only");

        report.finish();
        ProgressSnapshot finished = progress.snapshot(11 * SECOND);
        assertEquals("finished", finished.stage());
    }

    @Test
    void etaIsUnknownUntilTasksMoveAndShownInHoursWhenLong() throws Exception {
        CrawlPlan plan = new CrawlPlan(state, report.runId(), null);
        plan.begin();
        Progress progress = new Progress(report, plan);
        report.stage("crawl");
        for (int i = 0; i < 10_000; i++) {
            plan.fetchesNow("s" + i);
        }
        plan.settle();
        assertEquals(Optional.empty(), progress.snapshot(0).eta());
        fetched(1);
        ProgressSnapshot slow = progress.snapshot(SECOND);
        assertTrue(slow.line().endsWith(", ETA 2:46:39"), slow.line());
    }

    private void fetched(int classifications) {
        for (int i = 0; i < classifications; i++) {
            report.request("classification?session_id=" + i);
        }
    }

    private void addTasks(String status, String... sessions) throws Exception {
        try (Connection connection = state.getConnection()) {
            for (String session : sessions) {
                state.write(connection, "INSERT INTO tasks VALUES ('" + session + "', '2024', '1', '1', '1', '"
                        + status + "', 1, NULL, 'earlier', now(), now())"
                        + " ON CONFLICT (session_id) DO UPDATE SET status = excluded.status");
            }
        }
    }
}
