package io.mgp.pipeline.run;

import io.mgp.pipeline.crawl.CrawlPlan;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;

/**
 * A run's progress, read from the run report and the crawl plan when asked, so the crawl does no work for it. It counts
 * this run's work only: the tasks it fetches, not those earlier runs did. Rates are over the last few seconds of the
 * current stage, from the snapshots taken meanwhile (a few a second while a run lasts, see {@link ProgressDisplay}): a
 * run's pace changes, and the ETA should follow it.
 */
public final class Progress {

    /** The name the progress display and the pipeline's MBean find it by in Camel's registry. */
    public static final String BEAN = "progress";

    private static final long RATE_WINDOW_NANOS = Duration.ofSeconds(5).toNanos();

    private final RunReport report;
    private final CrawlPlan plan;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public Progress(RunReport report, CrawlPlan plan) {
        this.report = report;
        this.plan = plan;
    }

    public ProgressSnapshot snapshot() {
        return snapshot(System.nanoTime());
    }

    /** The figures now, and the rates since the stage's latest sample at least the rate window old. */
    synchronized ProgressSnapshot snapshot(long nanoTime) {
        long requests = report.requests();
        long tasksDone = report.requestsByEndpoint().getOrDefault("classification", 0L);
        long tasksTotal = Math.max(tasksDone, plan.tasksThisRun());
        long bronzeRows = report.totalRows("bronze");
        String stage = stage();

        Sample latest = samples.peekLast();
        if (latest != null && !latest.stage.equals(stage)) {
            // a stage has its own pace: its rates start from the previous stage's last figures
            samples.clear();
            samples.addLast(latest);
        }
        samples.addLast(new Sample(nanoTime, stage, requests, tasksDone));
        dropSamplesOutsideWindow(nanoTime);
        Sample since = samples.getFirst();
        double seconds = (nanoTime - since.nanoTime) / 1e9;
        double requestsPerSecond = seconds > 0 ? (requests - since.requests) / seconds : 0;
        double tasksPerSecond = seconds > 0 ? (tasksDone - since.tasksDone) / seconds : 0;
        // While discovery goes on, tasks are fetched about as fast as they are found: an ETA would always say "now".
        boolean totalFinal = plan.discoveryOver();
        long tasksLeft = tasksTotal - tasksDone;
        Optional<Duration> eta = totalFinal && tasksPerSecond > 0 && tasksLeft > 0
                ? Optional.of(Duration.ofSeconds((long) Math.ceil(tasksLeft / tasksPerSecond)))
                : Optional.empty();
        return new ProgressSnapshot(stage, tasksDone, tasksTotal, totalFinal, requests, bronzeRows,
                requestsPerSecond, eta);
    }

    /** Keeps the newest sample at least the window old, and those after it. */
    private void dropSamplesOutsideWindow(long nanoTime) {
        while (samples.size() > 2) {
            Iterator<Sample> oldest = samples.iterator();
            oldest.next();
            if (oldest.next().nanoTime > nanoTime - RATE_WINDOW_NANOS) {
                return;
            }
            samples.removeFirst();
        }
    }

    private String stage() {
        String stage = report.currentStage();
        if (stage != null) {
            return stage;
        }
        return report.stages().isEmpty() ? "starting" : "finished";
    }

    private record Sample(long nanoTime, String stage, long requests, long tasksDone) {
    }
}
