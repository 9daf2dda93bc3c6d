package io.mgp.pipeline.cli;

import static io.mgp.pipeline.LakeAssertions.assertGoldMatchesSeeds;
import static io.mgp.pipeline.LakeAssertions.assertNoPartialFiles;
import static io.mgp.pipeline.LakeAssertions.count;
import static io.mgp.pipeline.LakeAssertions.parquetRows;
import static io.mgp.pipeline.LakeAssertions.tableRows;
import static io.mgp.pipeline.LakeAssertions.stateCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.ChangedSeeds;
import io.mgp.pipeline.LakeAssertions;
import io.mgp.pipeline.TestRuns;
import io.mgp.pipeline.TestProjects;
import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.duck.SqlResource;
import io.mgp.pipeline.run.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on a lake that earlier runs left: what the state in lake/state/queue.duckdb saves, in every mode. */
class IncrementalRunTest {

    @TempDir
    Path lake;

    @TempDir
    Path changedSeeds;

    @Test
    void secondRunWithNothingNewMakesOnlyTheLatestSeasonsDiscoveryRequestsAndLeavesTheLakeUntouched() throws Exception {
        Path seeds = TestSeeds.small();
        run(seeds);
        Map<Path, FileTime> before = modified(lake);

        RunReport second = run(seeds);

        assertEquals(latestSeasonDiscoveryRequests(seeds), second.requests(), "requests: " + second.requestsByEndpoint());
        assertEquals(null, second.requestsByEndpoint().get("classification"), "no results fetched again");
        assertEquals(0, second.files("bronze"), "no answer changed, so nothing is written to bronze");
        assertEquals(before, modified(lake), "bronze, silver and gold files are exactly as the first run left them");
        assertEquals(2, stateCount(lake, "SELECT count(*) FROM runs WHERE status = 'succeeded' AND mode = 'full'"));
    }

    @Test
    void aRunWithOtherModelsRebuildsFromTheSameBronzeAndTheNextRunWithNothingNewDoesNot() throws Exception {
        Path seeds = TestSeeds.small();
        run(seeds);
        Path project = TestProjects.builtInCopy(changedSeeds.resolve("project"));
        Files.writeString(project.resolve("tests/no_negative_points_in_gold.sql"), "SELECT * FROM gold.mgp WHERE points < 0");

        RunReport other = run(seeds, "mgp.project", project.toString());
        RunReport same = run(seeds, "mgp.project", project.toString());
        RunReport builtIn = run(seeds);

        assertTrue(other.dataTests().stream().anyMatch(t -> t.name().equals("no_negative_points_in_gold")), "rebuilt and tested");
        assertEquals(List.of(), same.dataTests(), "nothing new, same models: nothing rebuilt");
        assertTrue(builtIn.dataTests().size() > 30, "the built-in models again: rebuilt");
    }

    @Test
    void aTaskLimitFetchesAtMostThatManyTasksNewestSeasonFirstAndLaterRunsFinishTheRest() throws Exception {
        Path seeds = TestSeeds.small();
        RunReport limited = run(seeds, "mgp.tasks", "5");

        assertEquals(5, limited.requestsByEndpoint().get("classification"));
        long sessions = parquetRows(seeds.resolve("sessions.parquet"));
        assertEquals(sessions, stateCount(lake, "SELECT count(*) FROM tasks"), "discovery queued every session");
        assertEquals(5, stateCount(lake, "SELECT count(*) FROM tasks WHERE status IN ('done', 'empty')"));
        assertEquals(0, stateCount(lake, "SELECT count(*) FROM tasks t WHERE status IN ('done', 'empty') AND "
                + "TRY_CAST(season AS INTEGER) < (SELECT max(TRY_CAST(season AS INTEGER)) FROM tasks WHERE status = 'pending')"),
                "no task of an older season is done while a newer one is pending");
        assertEquals(1, stateCount(lake, "SELECT count(*) FROM runs WHERE mode = 'incremental' AND status = 'succeeded'"));

        RunReport rest = run(seeds);

        assertEquals(sessions - 5, rest.requestsByEndpoint().get("classification"), "the rest, each once");
        assertEquals(0, stateCount(lake, "SELECT count(*) FROM tasks WHERE status NOT IN ('done', 'empty')"));
        assertGoldMatchesSeeds(lake, seeds);
    }

    @Test
    void aSessionAddedToTheLatestSeasonIsDiscoveredAndFetchedAlone() throws Exception {
        Path seeds = TestSeeds.small();
        run(seeds);
        Path grown = ChangedSeeds.withExtraSession(seeds, changedSeeds, 25);
        Map<String, Set<String>> filesBefore = new TreeMap<>();
        for (String table : List.of("silver.classifications", "gold.mgp")) {
            filesBefore.put(table, LakeAssertions.dataFiles(lake, table));
        }

        RunReport second = run(grown);

        assertEquals(1, second.requestsByEndpoint().get("classification"), "only the new session's results");
        assertGoldMatchesSeeds(lake, grown);
        assertNoPartialFiles(lake);
        for (String table : filesBefore.keySet()) {
            Set<String> after = LakeAssertions.dataFiles(lake, table);
            Set<String> kept = new TreeSet<>(filesBefore.get(table));
            kept.retainAll(after);
            assertEquals(filesBefore.get(table).size() - 1, kept.size(), table + ": every partition but the latest season's kept its file");
            assertEquals(filesBefore.get(table).size(), after.size(), table + ": the latest season's file replaced");
        }
    }

    @Test
    void fullRefreshRebuildsEverythingFromTheSourceAsItIsNow() throws Exception {
        run(TestSeeds.small());

        RunReport refreshed = run(TestSeeds.otherSmall(), "mgp.full-refresh", "true");

        assertGoldMatchesSeeds(lake, TestSeeds.otherSmall());
        assertEquals(parquetRows(TestSeeds.otherSmall().resolve("sessions.parquet")),
                refreshed.requestsByEndpoint().get("classification"));
        for (String table : List.of("seasons", "events", "categories", "sessions", "classifications")) {
            assertEquals(parquetRows(TestSeeds.otherSmall().resolve(table + ".parquet")),
                    tableRows(lake, "silver." + table), "silver " + table);
        }
        assertEquals(1, stateCount(lake, "SELECT count(*) FROM runs"), "the state started over");
        assertEquals(1, stateCount(lake, "SELECT count(*) FROM runs WHERE mode = 'full-refresh'"));
    }

    @Test
    void aFailedRunIsRecordedWithItsErrorAndTheNextRunFinishesTheWork() throws Exception {
        Path seeds = TestSeeds.small();
        Files.createDirectories(lake.resolve("bronze"));
        Files.writeString(lake.resolve("bronze/classifications"), "a file where a folder must go");
        try {
            run(seeds);
        } catch (Exception expected) {
            // the run fails on its first classifications batch
        }
        assertEquals(1, stateCount(lake, "SELECT count(*) FROM runs WHERE status = 'failed' AND error LIKE '%bronze%'"));
        Files.delete(lake.resolve("bronze/classifications"));

        run(seeds);

        assertGoldMatchesSeeds(lake, seeds);
        assertEquals(0, stateCount(lake, "SELECT count(*) FROM tasks WHERE status NOT IN ('done', 'empty')"));
    }

    private RunReport run(Path seeds, String... properties) throws Exception {
        return TestRuns.run(seeds, lake, properties);
    }

    /** /seasons, then the latest season's /events, its events' /categories and its categories' /sessions. */
    private static long latestSeasonDiscoveryRequests(Path seeds) throws Exception {
        String latest = "(SELECT id FROM read_parquet(" + file(seeds, "seasons") + ") ORDER BY \"year\" DESC LIMIT 1)";
        return 2 + count("SELECT count(*) FROM read_parquet(" + file(seeds, "events") + ") WHERE season_id = " + latest)
                + count("SELECT count(*) FROM read_parquet(" + file(seeds, "categories") + ") WHERE season_id = " + latest);
    }

    private static String file(Path seeds, String table) {
        return SqlResource.literal(seeds.resolve(table + ".parquet"));
    }

    /** When each file of bronze, silver and gold was last written. */
    private static Map<Path, FileTime> modified(Path lake) {
        Map<Path, FileTime> times = new TreeMap<>();
        List.of("bronze", "silver", "gold").stream().flatMap(layer -> LakeAssertions.files(lake.resolve(layer))).forEach(file -> {
            try {
                times.put(file, Files.getLastModifiedTime(file));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(!times.isEmpty());
        return times;
    }
}
