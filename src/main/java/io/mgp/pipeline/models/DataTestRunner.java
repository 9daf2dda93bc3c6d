package io.mgp.pipeline.models;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.duck.SqlResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import io.mgp.pipeline.engine.EngineSession;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * Runs data tests inside the engine: counts each test's failing rows and, for a failing test, writes the first of them to
 * {@code <quality>/<test>.parquet}. No row comes into Java.
 */
final class DataTestRunner {

    private final Path quality;

    /** @param quality the folder this run's failing rows go to, {@code <lake>/quality/<run id>} */
    DataTestRunner(Path quality) {
        this.quality = quality;
    }

    TestResult run(EngineSession session, DataTest test) {
        long start = System.nanoTime();
        try {
            long failures = session.count(SqlResource.load("sql/tests/count.sql", Map.of("test", test.sql())));
            TestStatus status = test.config().judge(failures);
            Path stored = null;
            String message = null;
            if (failures > 0 && test.config().storeFailures() && test.config().limit() > 0) {
                try {
                    stored = store(session, test);
                } catch (SQLException | PipelineException e) {
                    // the count judged the data; rows that cannot be stored do not change the verdict
                    message = "failing rows not stored: " + PipelineException.firstLine(e);
                }
            }
            return new TestResult(test, status, failures, stored, Duration.ofNanos(System.nanoTime() - start), message);
        } catch (SQLException e) {
            return new TestResult(test, TestStatus.ERROR, 0, null, Duration.ofNanos(System.nanoTime() - start),
                    "the test's query failed: " + PipelineException.firstLine(e));
        }
    }

    private Path store(EngineSession session, DataTest test) throws SQLException {
        Path file = quality.resolve(test.name() + ".parquet");
        try {
            Files.createDirectories(quality);
        } catch (IOException e) {
            throw new PipelineException("cannot store failing rows in " + quality + ": " + PipelineException.reason(e), e);
        }
        session.store(test.sql(), test.config().limit(), file);
        return file;
    }
}
