package io.mgp.pipeline.cli;

import static io.mgp.pipeline.LakeAssertions.assertGoldMatchesSeeds;
import static io.mgp.pipeline.LakeAssertions.assertNoPartialFiles;
import static io.mgp.pipeline.LakeAssertions.count;
import static io.mgp.pipeline.LakeAssertions.parquetRows;
import static io.mgp.pipeline.LakeAssertions.tableRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.LakeAssertions;
import io.mgp.pipeline.TestRuns;
import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.duck.SqlResource;
import io.mgp.pipeline.run.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole run, API and crawl in one application, on real HTTP and real DuckDB files. */
class RunEndToEndTest {

    private static final List<String> TABLES = List.of("seasons", "events", "categories", "sessions", "classifications");

    @TempDir
    Path lake;

    @Test
    void runOnGeneratedSeedsWritesEveryLayerAndGoldEqualsTheDirectJoin() throws Exception {
        Path seeds = TestSeeds.small();
        RunReport report = run(seeds);

        assertEquals(expectedRequests(seeds), report.requests(), "one request per season, event, category and session, plus /seasons");
        for (String table : TABLES) {
            long seedRows = parquetRows(seeds.resolve(table + ".parquet"));
            assertEquals(seedRows, report.rows("bronze").get(table), "bronze " + table);
            assertEquals(seedRows, tableRows(lake, "silver." + table), "silver " + table);
        }
        assertGoldMatchesSeeds(lake, seeds);
        assertEquals(0, count("SELECT count(*) FROM read_parquet(" + SqlResource.literal(lake.resolve("gold/mgp.parquet"))
                + ") WHERE event_short_name IS NULL"), "every gold row has its event's short name");
        assertNoPartialFiles(lake);
        assertEquals(List.of("models", "tests", "publish"), List.copyOf(report.stageParts().keySet()),
                "the transform's parts, in the order they ran");
    }

    @Test
    void bronzeIsHivePartitionedBySeasonYear() throws Exception {
        Path seeds = TestSeeds.small();
        run(seeds);

        long seasons = parquetRows(seeds.resolve("seasons.parquet"));
        try (var partitions = Files.list(lake.resolve("bronze/events"))) {
            List<String> names = partitions.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(seasons, names.size(), "one events partition per season: " + names);
            assertTrue(names.stream().allMatch(n -> n.matches("season=\\d{4}")), names.toString());
        }
        assertTrue(LakeAssertions.files(lake.resolve("bronze")).allMatch(f -> f.toString().endsWith(".parquet")));
    }

    @Test
    void secondRunOnTheSameLakeLeavesGoldIdentical() throws Exception {
        Path seeds = TestSeeds.small();
        run(seeds);
        run(seeds);

        assertGoldMatchesSeeds(lake, seeds);
        assertNoPartialFiles(lake);
    }

    private RunReport run(Path seeds, String... properties) throws Exception {
        return TestRuns.run(seeds, lake, properties);
    }

    private static long expectedRequests(Path seeds) throws Exception {
        long requests = 1;
        for (String table : List.of("seasons", "events", "categories", "sessions")) {
            requests += parquetRows(seeds.resolve(table + ".parquet"));
        }
        return requests;
    }
}
