package io.mgp.pipeline.cli;

import static io.mgp.pipeline.LakeAssertions.assertGoldMatchesSeeds;
import static io.mgp.pipeline.LakeAssertions.count;
import static io.mgp.pipeline.LakeAssertions.mainSnapshot;
import static io.mgp.pipeline.LakeAssertions.refs;
import static io.mgp.pipeline.LakeAssertions.stateCount;
import static io.mgp.pipeline.LakeAssertions.tableCount;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.ChangedSeeds;
import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.duck.SqlResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data tests stand between a run's models and the published lake. */
class DataQualityGateTest {

    @TempDir
    Path lake;

    @TempDir
    Path badSeeds;

    @TempDir
    Path fixedSeeds;

    @Test
    void badDataFailsTheRunAndLeavesThePublishedTablesAsTheyWereUntilAGoodRunPublishes() throws Exception {
        Path seeds = TestSeeds.small();
        assertEquals(0, run(seeds).code());
        byte[] gold = Files.readAllBytes(lake.resolve("gold/mgp.parquet"));
        long classifications = mainSnapshot(lake, "silver.classifications");
        long seasons = mainSnapshot(lake, "silver.seasons");
        long events = mainSnapshot(lake, "silver.events");

        CliRun bad = run(ChangedSeeds.withBadData(seeds, badSeeds, -5));

        assertEquals(1, bad.code(), bad.err());
        bad.assertOneLineError("4 data tests failed and 6 models were not published (listed above); the published tables are as they were");
        assertArrayEquals(gold, Files.readAllBytes(lake.resolve("gold/mgp.parquet")), "gold as the good run left it");
        assertEquals(classifications, mainSnapshot(lake, "silver.classifications"), "main as the good run left it");
        assertEquals(seasons, mainSnapshot(lake, "silver.seasons"), "a source test failing stops its models");
        assertEquals(events, mainSnapshot(lake, "silver.events"), "a model that passed is held back with its build");
        assertTrue(refs(lake, "silver.classifications").stream().anyMatch(ref -> ref.startsWith("audit-")),
                "the audited version is kept on its branch: " + refs(lake, "silver.classifications"));
        for (String line : List.of(
                "Error      not_null_bronze_seasons_year: 1 failing row in ",
                "Error      accepted_range_silver_classifications_points: 1 failing row in ",
                "Error      relationships_silver_sessions_event_id: ",
                "Error      relationships_silver_categories_event_id: ",
                "Not built  silver.classifications error: not published: 1 error test(s); kept on branch audit-",
                "Not built  silver.seasons skipped: upstream bronze.seasons failed or was skipped",
                "Not built  gold.mgp skipped: upstream silver.classifications failed or was skipped",
                "Held back  silver.events held: kept on branch audit-")) {
            assertTrue(bad.out().contains(line), line + " in:\n" + bad.out());
        }
        Path stored = failingRows("accepted_range_silver_classifications_points");
        assertEquals(1, count("SELECT count(*) FROM read_parquet(" + SqlResource.literal(stored) + ") WHERE points = -5"),
                "the failing row is stored and readable");
        assertEquals(0, tableCount(lake, "SELECT count(*) FROM silver.classifications WHERE points < 0", "silver.classifications"));

        // a session's results are not fetched again once done: only a full refresh replaces the wrong answer
        CliRun fixed = run(seeds, "--full-refresh");

        assertEquals(0, fixed.code(), fixed.err());
        assertGoldMatchesSeeds(lake, seeds);
    }

    @Test
    void theNextRunPublishesOnceTheSourceAnswersRightAgain() throws Exception {
        Path seeds = TestSeeds.small();
        assertEquals(0, run(seeds).code());
        assertEquals(1, run(ChangedSeeds.withBadData(seeds, badSeeds, 25)).code(), "a season without a year, an event deleted");

        CliRun fixed = run(ChangedSeeds.withExtraSession(seeds, fixedSeeds, 25));

        assertEquals(0, fixed.code(), fixed.out() + fixed.err());
        assertGoldMatchesSeeds(lake, fixedSeeds);
    }

    @Test
    void aSeasonWithoutAYearOnANewLakeIsCrawledWholeAndStoppedByTheDataTests() throws Exception {
        CliRun bad = run(ChangedSeeds.withBadData(TestSeeds.small(), badSeeds, -5));

        assertEquals(1, bad.code(), bad.err());
        assertTrue(bad.err().contains("data tests failed"), bad.err());
        assertTrue(bad.out().contains("Error      not_null_bronze_seasons_year: 1 failing row in "), bad.out());
        assertFalse(bad.out().contains("going on without it"), "no season's discovery failed:\n" + bad.out());
        assertTrue(stateCount(lake, "SELECT count(*) FROM tasks WHERE season IS NULL AND status IN ('done', 'empty')") > 0,
                "the sessions of the season without a year were fetched");
        assertEquals(0, stateCount(lake, "SELECT count(*) FROM tasks WHERE status NOT IN ('done', 'empty')"));
        assertEquals(1, stateCount(lake, "SELECT count(*) FROM discovered_seasons WHERE season IS NULL"));
    }

    private CliRun run(Path seeds, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--seeds", seeds.toString(), "--lake", lake.toString(), "--port", "0", "-q"));
        args.addAll(List.of(more));
        return CliRun.execute(args.toArray(String[]::new));
    }

    private Path failingRows(String test) throws Exception {
        try (Stream<Path> files = Files.walk(lake.resolve("quality"))) {
            return files.filter(f -> f.getFileName().toString().equals(test + ".parquet")).findFirst().orElseThrow();
        }
    }
}
