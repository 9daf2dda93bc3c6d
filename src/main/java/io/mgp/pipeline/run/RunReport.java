package io.mgp.pipeline.run;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.launch.JvmLauncher;
import io.mgp.pipeline.metrics.PipelineMetrics;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a run did: requests per endpoint, rows and files per table and layer, and the wall time of each stage. */
public final class RunReport {

    private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final String runId = LocalDateTime.now(ZoneOffset.UTC).format(RUN_TIME) + "-" + UUID.randomUUID().toString().substring(0, 6);

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> rows = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> files = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> unchanged = new ConcurrentHashMap<>();
    private final Map<String, Duration> stages = new LinkedHashMap<>();
    private volatile String stage;
    private long stageStart;
    private volatile Map<String, Long> tasks = Map.of();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private volatile PipelineMetrics metrics;
    private final Map<String, Duration> stageParts = new LinkedHashMap<>();
    private final Queue<ModelFailure> modelFailures = new ConcurrentLinkedQueue<>();
    private final Queue<DataTestOutcome> dataTests = new ConcurrentLinkedQueue<>();

    /** A model a command did not publish, and why. */
    public record ModelFailure(String model, String status, String why) {
        @Override
        public String toString() {
            return model + " " + status + ": " + why;
        }
    }

    /** How a data test ended: {@code stored} is where its failing rows are, {@code message} why it could not run. */
    public record DataTestOutcome(String name, String status, long failures, String stored, String message) {
    }

    /** Also records stage times and bronze writes as meters, as they happen. */
    public void recordTo(PipelineMetrics metrics) {
        this.metrics = metrics;
    }

    /** This run's id: when it started, and a random suffix; every bronze row carries it. */
    public String runId() {
        return runId;
    }

    /** Counts a request, such as {@code events?season_id=...}, under its endpoint ({@code events}). */
    public void request(@ExchangeProperty("request") String request) {
        int query = request.indexOf('?');
        String endpoint = query < 0 ? request : request.substring(0, query);
        requests.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
    }

    public void bronzeWritten(String table, long rowCount, int fileCount) {
        rowsWritten("bronze", table, rowCount);
        files.computeIfAbsent("bronze", k -> new LongAdder()).add(fileCount);
        if (metrics != null) {
            metrics.bronzeWritten(table, rowCount);
        }
    }

    public void rowsWritten(String layer, String table, long rowCount) {
        rows.computeIfAbsent(layer, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(table, k -> new LongAdder()).add(rowCount);
    }

    /** A model published with its rows, and how long its build took. */
    public void modelBuilt(String layer, String table, long rowCount, Duration took) {
        rowsWritten(layer, table, rowCount);
        if (metrics != null) {
            metrics.modelBuilt(layer + "." + table, took);
        }
    }

    /**
     * A model not published: it failed ({@code error}), a table it reads did ({@code skipped}), or it passed its audit
     * in a build that failed its own ({@code held}).
     */
    public void modelFailed(String model, String status, String why) {
        modelFailures.add(new ModelFailure(model, status, why));
    }

    public List<ModelFailure> modelFailures() {
        return List.copyOf(modelFailures);
    }

    public void dataTest(DataTestOutcome outcome) {
        dataTests.add(outcome);
        if (metrics != null) {
            metrics.dataTest(outcome.status());
        }
    }

    /** The data tests of the run, in the order they ended. */
    public List<DataTestOutcome> dataTests() {
        return List.copyOf(dataTests);
    }

    /** Time a stage spent on a part of its work, such as the transform's {@code models}, {@code tests} and {@code publish}. */
    public synchronized void stagePart(String part, Duration took) {
        stageParts.merge(part, took, Duration::plus);
    }

    /** The parts in the order they were first reported, which is the order the work was done in. */
    public synchronized Map<String, Duration> stageParts() {
        return new LinkedHashMap<>(stageParts);
    }

    /** A table the run left as it was, and the rows it holds: the summary still shows it. */
    public void unchanged(String layer, String table, long rowCount) {
        unchanged.computeIfAbsent(layer, k -> new ConcurrentHashMap<>()).put(table, rowCount);
    }

    public Map<String, Long> unchanged(String layer) {
        return new TreeMap<>(unchanged.getOrDefault(layer, Map.of()));
    }

    /** Ends the current stage, if any, and starts the named one; the first stage's start ends "startup" (from launch). */
    public synchronized void stage(String name) {
        long now = System.nanoTime();
        if (stages.isEmpty() && stage == null) {
            stages.put("startup", JvmLauncher.sinceLaunch());
            if (metrics != null) {
                metrics.stageFinished("startup", stages.get("startup"));
            }
        }
        if (stage != null) {
            Duration took = Duration.ofNanos(now - stageStart);
            stages.merge(stage, took, Duration::plus);
            if (metrics != null) {
                metrics.stageFinished(stage, took);
            }
            LOG.info("Stage {} finished in {} ms", stage, took.toMillis());
        }
        stage = name;
        stageStart = now;
        if (name != null) {
            LOG.info("Stage {} started", name);
        }
    }

    /** The stage under way, null before the first and after the last; every line of the run's log carries it. */
    public String currentStage() {
        return stage;
    }

    /** Ends the last stage; the report is the run's answer. */
    public synchronized RunReport finish() {
        stage(null);
        LOG.info("Run finished: {} requests, {} bronze files, gold rows {}", requests(), files("bronze"), rows("gold"));
        return this;
    }

    /** Something the run could not do, even after retries, and went on without: "what: error". */
    public void failed(String what, String error) {
        failures.add(what + ": " + error);
        LOG.warn("Failed, going on without it: {}: {}", what, error);
    }

    /** A season whose discovery failed: it stays undiscovered, so the next run discovers it again. */
    public void discoveryFailed(@ExchangeProperty("season") String season,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        failed("discovery of season " + season, PipelineException.firstLine(failure));
    }

    /** What the run went on without, in the order it failed. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** The task queue by status, as the run ended. */
    public void tasks(Map<String, Long> byStatus) {
        tasks = Map.copyOf(byStatus);
    }

    public Map<String, Long> tasks() {
        return new TreeMap<>(tasks);
    }

    public long requests() {
        return requests.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> requestsByEndpoint() {
        return sums(requests);
    }

    public Map<String, Long> rows(String layer) {
        return sums(rows.getOrDefault(layer, Map.of()));
    }

    /** Rows written to a layer's tables in all. */
    public long totalRows(String layer) {
        return rows(layer).values().stream().mapToLong(Long::longValue).sum();
    }

    public long files(String layer) {
        LongAdder count = files.get(layer);
        return count == null ? 0 : count.sum();
    }

    public synchronized Map<String, Duration> stages() {
        return new LinkedHashMap<>(stages);
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> sums = new TreeMap<>();
        counters.forEach((name, count) -> sums.put(name, count.sum()));
        return sums;
    }
}
