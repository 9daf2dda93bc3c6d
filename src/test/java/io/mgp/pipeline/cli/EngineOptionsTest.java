package io.mgp.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.TestProjects;
import io.mgp.pipeline.TestSeeds;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --engine} on the command line; the Spark engine itself is tested in spark/ (SparkEngineIT, SparkClusterIT). */
class EngineOptionsTest {

    private static final String SPARK_NOT_BUILT = "--engine spark needs the Spark engine's jar, spark/target/pipeline-spark.jar,"
            + " which is not built: build it with 'make spark'";

    @Test
    void sparkNotBuiltIsAUsageErrorOfBuildAndRunSaidBeforeTheLakeIsTouched(@TempDir Path temp) {
        System.setProperty("mgp.spark.jar", temp.resolve("no-such.jar").toString());
        try {
            CliRun build = CliRun.execute("build", "--engine", "spark", "--lake", temp.resolve("no-lake").toString());

            assertEquals(2, build.code(), build.err());
            build.assertOneLineError(SPARK_NOT_BUILT);

            CliRun run = CliRun.execute("run", "--engine", "spark", "--seeds", TestSeeds.small().toString(), "--port", "0",
                    "--lake", temp.resolve("lake").toString(), "-q");

            assertEquals(2, run.code(), run.err());
            run.assertOneLineError(SPARK_NOT_BUILT);
            assertFalse(Files.exists(temp.resolve("lake")), "nothing written to the lake");
        } finally {
            System.clearProperty("mgp.spark.jar");
        }
    }

    @Test
    void anUnknownEngineIsAUsageError() {
        CliRun test = CliRun.execute("test", "--unit", "--engine", "duck");

        assertEquals(2, test.code(), test.err());
        test.assertOneLineError("no engine 'duck': duckdb (the default) or spark");
    }

    @Test
    void unitTestsNeedNoLakeAndAFailingOneFailsTheCommand(@TempDir Path temp) throws Exception {
        CliRun passing = CliRun.execute("test", "--unit");
        Path project = TestProjects.builtInCopy(temp.resolve("project"));
        Path silver = project.resolve("models/silver/_silver.yml");
        Files.writeString(silver, Files.readString(silver).replace("- { id: s3, year: 2025 }", "- { id: s3, year: 2026 }"));
        CliRun failing = CliRun.execute("test", "--unit", "--project", project.toString(), "--engine", "duckdb");

        assertEquals(0, passing.code(), passing.err());
        assertTrue(passing.out().matches("Unit tests finished in [\\d.]+ s \\(JVM start included\\) on duckdb: 6 passed, 0 failed\n"),
                passing.out());
        assertEquals(1, failing.code(), failing.err());
        assertTrue(failing.out().contains("on duckdb: 5 passed, 1 failed"), failing.out());
    }
}
