package io.mgp.pipeline.models;

import io.mgp.pipeline.log.Console;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * The lines a user reads while models build and tests run, one per model or test, in dbt's manner:
 * {@code 3 of 38 OK built silver.categories ........ [3,326 rows in 0.04s]},
 * {@code 12 of 38 WARN 13850 not_null_silver_classifications_position ... [WARN 13850 in 0.02s]}.
 */
public final class BuildConsole implements BuildListener {

    private static final int WIDTH = 72;
    private final Logger lines = Console.lines();

    @Override
    public void model(int index, int total, ModelResult result) {
        String id = result.model().id();
        switch (result.status()) {
            case SUCCESS -> lines.info(line(index, total, "OK built " + id, String.format("%,d rows%s in %s", result.rows(),
                    result.message() == null ? "" : ", " + result.message(), seconds(result.duration()))));
            case ERROR -> lines.error(line(index, total, "ERROR building " + id, "ERROR in " + seconds(result.duration()))
                    + System.lineSeparator() + "          " + id + ": " + result.message());
            case SKIPPED -> lines.warn(line(index, total, "SKIP " + id, "SKIP") + "  " + result.message());
        }
    }

    @Override
    public void test(int index, int total, TestResult result) {
        String name = result.test().name();
        switch (result.status()) {
            case PASS -> lines.info(line(index, total, "PASS " + name, "PASS in " + seconds(result.duration())));
            case WARN -> lines.warn(line(index, total, "WARN " + result.failures() + " " + name,
                    "WARN " + result.failures() + " in " + seconds(result.duration())) + detail(result));
            case ERROR -> lines.error(line(index, total, "ERROR " + result.failures() + " " + name,
                    "ERROR " + result.failures() + " in " + seconds(result.duration())) + detail(result));
            case SKIPPED -> lines.warn(line(index, total, "SKIP " + name, "SKIP"));
        }
    }

    /** A unit test's line: {@code difference} is null when the model returned the expected rows. */
    public void unitTest(int index, int total, UnitTest test, String difference, long nanos) {
        String name = test.model() + "." + test.name();
        String time = seconds(java.time.Duration.ofNanos(nanos));
        if (difference == null) {
            lines.info(line(index, total, "PASS " + name, "PASS in " + time));
        } else {
            lines.error(line(index, total, "FAIL " + name, "FAIL in " + time) + System.lineSeparator() + "          " + difference);
        }
    }

    private static String line(int index, int total, String what, String status) {
        String head = index + " of " + total + " " + what + " ";
        return head + ".".repeat(Math.max(3, WIDTH - head.length())) + " [" + status + "]";
    }

    /** Where the failing rows are, or why the test could not run or store them. */
    private static String detail(TestResult result) {
        if (result.message() != null) {
            return System.lineSeparator() + "          " + result.message();
        }
        return result.stored() == null ? "" : System.lineSeparator() + "          failing rows: " + shown(result.stored());
    }

    /** A path as the user would type it: relative to the working folder when inside it. */
    public static String shown(Path file) {
        Path here = Path.of("").toAbsolutePath();
        return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
    }

    static String seconds(Duration time) {
        return String.format("%.2fs", time.toNanos() / 1e9);
    }
}
