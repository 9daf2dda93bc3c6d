package io.mgp.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.LakeAssertions;
import io.mgp.pipeline.TestSeeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaintainCommandTest {

    @TempDir
    Path lake;

    @Test
    void itSaysWhatItDidToEachTableAndDeletesOnlyOrphansOlderThanTheCutoff() throws Exception {
        assertEquals(0, CliRun.execute("run", "--seeds", TestSeeds.small().toString(), "--lake", lake.toString(), "--port", "0", "-q").code());
        long gold = LakeAssertions.tableRows(lake, "gold.mgp");
        Path orphan = Files.writeString(lake.resolve("gold/mgp/data/orphan.parquet"), "x");
        Files.setLastModifiedTime(orphan, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));

        CliRun dryRun = CliRun.execute("maintain", "--lake", lake.toString(), "--dry-run");

        assertEquals(0, dryRun.code(), dryRun.err());
        List<String> lines = dryRun.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Would maintain " + lake + ": snapshots, audit branches and orphan files older than "), lines.get(0));
        assertTrue(lines.stream().anyMatch(line -> line.matches("gold\\.mgp +snapshots -0 \\(0 files\\) +audit branches -0 +run tags -0 +small files 0 -> 0"
                + " +manifests 1 -> 1 +orphans -1 \\(0\\.0 kB\\)")), dryRun.out());
        assertEquals(6 + 2, lines.size(), "a line for each table: " + dryRun.out());
        assertTrue(lines.get(lines.size() - 1).matches("Dry run done in \\d+\\.\\d\\d s: 0 snapshots expired, 0 audit branches and 0 run tags removed,"
                + " 0 small files compacted, 1 orphan files deleted \\(0\\.0 kB\\): nothing changed"), lines.get(lines.size() - 1));
        assertTrue(Files.exists(orphan));

        CliRun maintain = CliRun.execute("maintain", "--lake", lake.toString());

        assertEquals(0, maintain.code(), maintain.err());
        assertTrue(maintain.out().lines().reduce((a, b) -> b).orElseThrow().startsWith("Done in "), maintain.out());
        assertTrue(Files.notExists(orphan));
        assertEquals(gold, LakeAssertions.tableRows(lake, "gold.mgp"));
        LakeAssertions.assertGoldMatchesSeeds(lake, TestSeeds.small());
    }

    @Test
    void aDurationWithoutItsUnitOrNoSnapshotOrRunKeptIsAUsageError() {
        for (List<String> options : List.of(List.of("--older-than", "5"), List.of("--retain-last", "0"), List.of("--retain-runs", "0"))) {
            CliRun maintain = CliRun.execute("maintain", "--lake", lake.toString(), options.get(0), options.get(1));

            assertEquals(2, maintain.code(), options.toString());
            assertTrue(maintain.err().startsWith("mgp-pipeline: " + options.get(0) + " must be"), maintain.err());
        }
    }

    @Test
    void aLakeWithoutTablesIsOneLineError() {
        CliRun maintain = CliRun.execute("maintain", "--lake", lake.toString());

        assertEquals(1, maintain.code());
        maintain.assertOneLineError("no Iceberg tables in " + lake + " yet (no catalog.db): run 'pipeline run --lake " + lake + "' first");
    }
}
