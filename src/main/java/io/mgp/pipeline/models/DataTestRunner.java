package io.mgp.pipeline.models;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.duck.SqlResource;
import io.mgp.pipeline.engine.EngineSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs data tests inside the engine: counts each test's failing rows and, for a failing test, writes the first of them to
 * {@code <quality>/<test>.parquet}. No row comes into Java.
 */
final class DataTestRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DataTestRunner.class);

    private final Path quality;

    /** @param quality the folder this run's failing rows go to, {@code <lake>/quality/<run id>} */
    DataTestRunner(Path quality) {
        this.quality = quality;
    }

    /**
     * Runs tests together: their failing rows are counted by one query, since an engine's cost per statement (Spark
     * plans and schedules jobs for each) is most of a test's on small tables. Each test is given an equal share of
     * that query's time. When the query fails, each test runs alone, so that the one whose SQL fails says so.
     */
    List<TestResult> run(EngineSession session, List<DataTest> tests) {
        if (tests.size() < 2) {
            return tests.stream().map(test -> run(session, test)).toList();
        }
        long start = System.nanoTime();
        Map<Long, Long> counts;
        try {
            counts = session.countsByKey(countsOf(tests));
        } catch (SQLException e) {
            LOG.info("The {} tests of {} are counted one by one, as together they failed: {}", tests.size(),
                    tests.get(0).node(), PipelineException.firstLine(e));
            return tests.stream().map(test -> run(session, test)).toList();
        }
        Duration share = Duration.ofNanos((System.nanoTime() - start) / tests.size());
        List<TestResult> results = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            Long failures = counts.get((long) i);
            // a test without a count would pass unseen: counted alone, it has one or says why not
            results.add(failures == null ? run(session, tests.get(i)) : judge(session, tests.get(i), failures, share));
        }
        return results;
    }

    private TestResult run(EngineSession session, DataTest test) {
        long start = System.nanoTime();
        try {
            Long failures = session.countsByKey(countsOf(List.of(test))).get(0L);
            if (failures == null) {
                throw new SQLException("the count of its failing rows returned no row");
            }
            return judge(session, test, failures, Duration.ofNanos(System.nanoTime() - start));
        } catch (SQLException e) {
            return new TestResult(test, TestStatus.ERROR, 0, null, Duration.ofNanos(System.nanoTime() - start),
                    "the test's query failed: " + PipelineException.firstLine(e));
        }
    }

    /** One query with a row per test: its place in {@code tests} and its failing rows' count. */
    private static String countsOf(List<DataTest> tests) {
        String count = SqlResource.load("sql/tests/count.sql");
        List<String> counts = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            // the key first: a test's SQL is never searched for placeholders
            counts.add(count.replace("${key}", String.valueOf(i)).replace("${test}", tests.get(i).sql()));
        }
        return String.join("\nUNION ALL\n", counts);
    }

    /** The test's verdict on its count, with its first failing rows stored; storing them adds to its time. */
    private TestResult judge(EngineSession session, DataTest test, long failures, Duration counted) {
        long start = System.nanoTime();
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
        return new TestResult(test, status, failures, stored, counted.plusNanos(System.nanoTime() - start), message);
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
