package io.mgp.pipeline.metrics;

import io.mgp.pipeline.run.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.util.json.JsonObject;

/**
 * A run's numbers as the original bash pipeline logged them, {@code <lake>/logs/<run id>/metrics.ndjson}: one JSON
 * line per stage, {@code {"run_id", "stage", "duration_ms"}}, then one for the whole run ({@code "stage": "total"})
 * with its status ({@code succeeded}, or {@code failed} with its {@code error}), its requests, requests per second
 * over that total, the rows written per layer, and how many things it went on without ({@code failures}).
 */
public final class MetricsFile {

    public static final String NAME = "metrics.ndjson";
    public static final String TOTAL = "total";

    private static final String[] LAYERS = {"bronze", "silver", "gold"};

    private MetricsFile() {
    }

    /** Writes the file of a run that ended, with the error it failed with (null when it did not), and returns where. */
    public static Path write(RunReport report, Path lake, String error) {
        Path file = lake.resolve("logs").resolve(report.runId()).resolve(NAME);
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, lines(report, error), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static List<String> lines(RunReport report, String error) {
        List<String> lines = new ArrayList<>();
        Duration total = Duration.ZERO;
        for (Map.Entry<String, Duration> stage : report.stages().entrySet()) {
            lines.add(line(report, stage.getKey(), stage.getValue()).toJson());
            total = total.plus(stage.getValue());
        }
        JsonObject run = line(report, TOTAL, total);
        run.put("status", error == null ? "succeeded" : "failed");
        if (error != null) {
            run.put("error", error);
        }
        run.put("requests", report.requests());
        run.put("requests_per_s", total.isZero() ? 0.0 : Math.round(report.requests() * 10e9 / total.toNanos()) / 10.0);
        for (String layer : LAYERS) {
            run.put(layer + "_rows", report.totalRows(layer));
        }
        run.put("failures", report.failures().size());
        JsonObject dataTests = new JsonObject();
        report.dataTests().forEach(test -> dataTests.put(test.status(), dataTests.getLongOrDefault(test.status(), 0L) + 1));
        run.put("data_tests", dataTests);
        lines.add(run.toJson());
        return lines;
    }

    private static JsonObject line(RunReport report, String stage, Duration time) {
        JsonObject line = new JsonObject();
        line.put("run_id", report.runId());
        line.put("stage", stage);
        line.put("duration_ms", time.toMillis());
        return line;
    }
}
