package io.mgp.pipeline.run;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.ExchangeProperty;

/** What a run did: requests per endpoint, rows and files per table and layer, and the wall time of each stage. */
public final class RunReport {

    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final String runId = LocalDateTime.now(ZoneOffset.UTC).format(RUN_TIME) + "-" + UUID.randomUUID().toString().substring(0, 6);

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> rows = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> files = new ConcurrentHashMap<>();
    private final Map<String, Duration> stages = new LinkedHashMap<>();
    private String stage;
    private long stageStart;

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
    }

    public void rowsWritten(String layer, String table, long rowCount) {
        rows.computeIfAbsent(layer, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(table, k -> new LongAdder()).add(rowCount);
    }

    /** Ends the current stage, if any, and starts the named one; the first stage's start ends "startup" (from JVM start). */
    public synchronized void stage(String name) {
        long now = System.nanoTime();
        if (stages.isEmpty() && stage == null) {
            stages.put("startup", Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()));
        }
        if (stage != null) {
            stages.merge(stage, Duration.ofNanos(now - stageStart), Duration::plus);
        }
        stage = name;
        stageStart = now;
    }

    /** Ends the last stage; the report is the run's answer. */
    public synchronized RunReport finish() {
        stage(null);
        return this;
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
