package io.mgp.pipeline.cli;

import io.mgp.pipeline.launch.JvmLauncher;
import io.mgp.pipeline.run.RunReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;

/** The summary printed at the end of a run. */
final class Summary {

    private static final String[] LAYERS = {"bronze", "silver"};
    private static final int SHOWN_FAILURES = 5;

    private final RunReport report;
    private final String apiUrl;
    private final Path lake;

    private final Path docs;

    /** {@code docs}: the lake's docs site, null when there is none. */
    Summary(RunReport report, String apiUrl, Path lake, Path docs) {
        this.report = report;
        this.apiUrl = apiUrl;
        this.lake = lake;
        this.docs = docs;
    }

    String render() {
        Map<String, Duration> stages = report.stages();
        Duration crawl = stages.getOrDefault("crawl", Duration.ZERO);
        StringBuilder out = new StringBuilder();
        out.append(String.format("Run finished in %s (JVM start included)%n", seconds(JvmLauncher.sinceLaunch())));
        out.append(String.format("  API        %s%n", apiUrl));
        out.append(String.format("  Requests   %,d in %s, %,.0f/s: %s%n", report.requests(), seconds(crawl),
                perSecond(report.requests(), crawl), joined(report.requestsByEndpoint())));
        StringJoiner stageTimes = new StringJoiner(", ");
        stages.forEach((stage, time) -> stageTimes.add(stage + " " + seconds(time) + ("transform".equals(stage) ? parts() : "")));
        out.append(String.format("  Stages     %s%n", stageTimes));
        out.append(String.format("  Tasks      %s%n", joined(report.tasks())));
        out.append(QualitySummary.render(report));
        List<String> failures = report.failures();
        failures.stream().limit(SHOWN_FAILURES).forEach(failure -> out.append(String.format("  Failed     %s%n", failure)));
        if (failures.size() > SHOWN_FAILURES) {
            out.append(String.format("  Failed     … and %,d more (lake/state/queue.duckdb: tasks WHERE status = 'failed')%n",
                    failures.size() - SHOWN_FAILURES));
        }
        TreeSet<String> tables = new TreeSet<>(report.rows("bronze").keySet());
        tables.addAll(report.rows("silver").keySet());
        if (tables.isEmpty()) {
            out.append(String.format("  Changes    nothing new: %,d requests, no table changed%n", report.requests()));
        } else {
            out.append(String.format("  Rows       %-16s %10s %10s%n", "table", "bronze", "silver"));
        }
        for (String table : tables) {
            out.append(String.format("             %-16s", table));
            for (String layer : LAYERS) {
                out.append(String.format(" %,10d", report.rows(layer).getOrDefault(table, 0L)));
            }
            out.append(System.lineSeparator());
        }
        report.rows("gold").forEach((table, rows) ->
                out.append(String.format("  Gold       %-16s %,10d rows%n", table, rows)));
        report.unchanged("gold").forEach((table, rows) ->
                out.append(String.format("  Gold       %-16s %,10d rows (unchanged)%n", table, rows)));
        long bronzeFiles = report.files("bronze");
        out.append(String.format("  Lake       %s%s%n", lake, bronzeFiles == 0 ? "" : String.format(" (%,d bronze files)", bronzeFiles)));
        if (docs != null) {
            out.append(String.format("  Docs       %s, or %s%n", docs.resolve("index.html"), DocsAddress.whileServing(lake)));
        }
        return out.toString();
    }

    /** How the transform's time divides between building models, running their tests and publishing them. */
    private String parts() {
        StringJoiner parts = new StringJoiner(", ", " (", ")");
        parts.setEmptyValue("");
        report.stageParts().forEach((part, time) -> parts.add(part + " " + seconds(time)));
        return parts.toString();
    }

    private static String joined(Map<String, Long> counts) {
        StringJoiner joined = new StringJoiner(", ");
        counts.forEach((name, count) -> joined.add(String.format("%s %,d", name, count)));
        return joined.toString();
    }

    private static double perSecond(long count, Duration time) {
        return time.isZero() ? 0 : count / (time.toNanos() / 1e9);
    }

    private static String seconds(Duration time) {
        return String.format("%.2f s", time.toNanos() / 1e9);
    }

}
