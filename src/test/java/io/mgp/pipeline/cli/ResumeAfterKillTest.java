package io.mgp.pipeline.cli;

import static io.mgp.pipeline.LakeAssertions.assertGoldMatchesSeeds;
import static io.mgp.pipeline.LakeAssertions.assertNoPartialFiles;
import static io.mgp.pipeline.LakeAssertions.parquetRows;
import static io.mgp.pipeline.LakeAssertions.tableRows;
import static io.mgp.pipeline.LakeAssertions.stateCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.ChildRun;
import io.mgp.pipeline.LakeAssertions;
import io.mgp.pipeline.TestRuns;
import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.run.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL at any point, then run again, leaves the lake exactly as an uninterrupted run would:
 * gold equal to the direct join on the seeds, no duplicate rows in silver, no partial files.
 * The killed run is a child JVM, so the kill is as abrupt as a crash; the run after it runs in this one.
 */
class ResumeAfterKillTest {

    /** Small bronze batches, so a crawl writes many files and a kill lands between or inside writes. */
    private static final String BATCH_SIZE = "20000";
    private static final Duration RUN_LIMIT = Duration.ofSeconds(60);

    private static Path seeds;

    /** The lake's folder: the child's log and temporary files go beside the lake, so inside it too. */
    @TempDir
    Path temp;

    private Path lake;

    @BeforeAll
    static void useTheSharedSmallSeeds() {
        seeds = TestSeeds.small();
    }

    /** Where in a run the kill lands, told by what the run has written so far. */
    enum KillPoint {
        AFTER_THE_FIRST_BRONZE_FILE(lake -> anyFile(lake.resolve("bronze"), f -> f.toString().endsWith(".parquet"))),
        IN_THE_MIDDLE_OF_A_BRONZE_WRITE(lake -> anyFile(lake.resolve("bronze/.staging"), f -> true)),
        WHILE_SILVER_IS_BUILT(lake -> anyFile(lake.resolve("silver"), f -> true)),
        AFTER_SOME_TASKS_ARE_DONE(lake -> anyFile(lake.resolve("bronze/classifications"), f -> f.toString().endsWith(".parquet")));

        private final Predicate<Path> reached;

        KillPoint(Predicate<Path> reached) {
            this.reached = reached;
        }
    }

    @ParameterizedTest
    @EnumSource(KillPoint.class)
    void aRunKilledAtAnyPointAndRunAgainEndsAsAnUninterruptedRun(KillPoint point) throws Exception {
        assertTrue(runAndKill(point), "the run ended before reaching " + point);

        RunReport resumed = TestRuns.run(seeds, lake);
        assertEquals(List.of(), resumed.failures(), "the run after the kill");

        assertGoldMatchesSeeds(lake, seeds);
        for (String table : List.of("seasons", "events", "categories", "sessions", "classifications")) {
            assertEquals(parquetRows(seeds.resolve(table + ".parquet")),
                    tableRows(lake, "silver." + table), "silver " + table + " has no duplicates");
        }
        assertNoPartialFiles(lake);
        assertEquals(0, stateCount(lake, "SELECT count(*) FROM tasks WHERE status NOT IN ('done', 'empty')"));
        assertEquals(1, stateCount(lake, "SELECT count(*) FROM runs WHERE status = 'interrupted'"), "the killed run");
    }

    private Process run() throws IOException {
        lake = temp.resolve("lake");
        return ChildRun.start(seeds, lake, "mgp.bronze.batch-size=" + BATCH_SIZE);
    }

    /** Starts a run and kills it once it reaches the point; false when it finished first. */
    private boolean runAndKill(KillPoint point) throws Exception {
        Process child = run();
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        while (child.isAlive() && System.nanoTime() < deadline) {
            if (point.reached.test(lake)) {
                child.destroyForcibly().waitFor();
                return true;
            }
            Thread.sleep(1);
        }
        assertTrue(!child.isAlive(), "the run neither reached " + point + " nor ended");
        return false;
    }

    private static boolean anyFile(Path folder, Predicate<Path> matching) {
        try {
            return Files.isDirectory(folder) && LakeAssertions.files(folder).anyMatch(matching);
        } catch (UncheckedIOException e) {
            return false; // a file moved while the folder was listed: look again
        }
    }
}
