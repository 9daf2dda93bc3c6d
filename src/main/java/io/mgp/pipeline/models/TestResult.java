package io.mgp.pipeline.models;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a data test ended: its failing rows counted, the first of them stored (or null), and why it could not run
 * (a query error, an upstream table that failed), or null.
 */
public record TestResult(DataTest test, TestStatus status, long failures, Path stored, Duration duration, String message) {

    static TestResult skipped(DataTest test, String why) {
        return new TestResult(test, TestStatus.SKIPPED, 0, null, Duration.ZERO, why);
    }
}
