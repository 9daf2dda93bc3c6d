package io.mgp.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.LakeAssertions;
import io.mgp.pipeline.TestProjects;
import io.mgp.pipeline.TestSeeds;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {

    @TempDir
    Path lake;

    @Test
    void eachRunThatPublishedATableIsAVersionTaggedWithItsRunNewestFirst(@TempDir Path project) throws Exception {
        assertEquals(0, CliRun.execute("run", "--seeds", TestSeeds.small().toString(), "--lake", lake.toString(), "--port", "0", "-q").code());
        long before = LakeAssertions.tableRows(lake, "silver.seasons");
        CliRun build = CliRun.execute("build", "--lake", lake.toString(), "--project", TestProjects.withoutTheFirstSeason(project).toString(),
                "--select", "silver.seasons");
        assertEquals(0, build.code(), build.err());
        long rows = LakeAssertions.tableRows(lake, "silver.seasons");
        assertEquals(before - 1, rows);

        CliRun history = CliRun.execute("history", "silver.seasons", "--lake", lake.toString());

        assertEquals(0, history.code(), history.err());
        List<String> lines = history.out().lines().toList();
        assertEquals(3, lines.size(), history.out());
        assertTrue(lines.get(0).startsWith("snapshot "), lines.get(0));
        String rowCount = String.format("%,d", rows);
        assertTrue(lines.get(1).matches("\\d+ +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  (\\S+) +overwrite +" + rowCount
                + " +1 +1  main, run-\\1"), "the build's version is main's, tagged with its run: " + lines.get(1));
        assertTrue(lines.get(2).matches("\\d+ +\\S+ \\S+  (\\S+) +overwrite +" + String.format("%,d", before) + " +1 +0  run-\\1"),
                "the first run's version keeps its tag: " + lines.get(2));
    }

    @Test
    void aBuildThatLeavesATablesRowsAsTheyWereCommitsNothingToItWholeOrIncremental() throws Exception {
        assertEquals(0, CliRun.execute("run", "--seeds", TestSeeds.small().toString(), "--lake", lake.toString(), "--port", "0", "-q").code());
        long years = LakeAssertions.tableCount(lake, "SELECT count(*) FROM (SELECT DISTINCT year FROM gold.mgp)", "gold.mgp");

        CliRun build = CliRun.execute("build", "--lake", lake.toString(), "--select", "silver.seasons,gold.mgp");

        assertEquals(0, build.code(), build.err());
        assertTrue(build.out().contains("  Models     2: built 2, not built 0"), build.out());
        assertEquals(2, CliRun.execute("history", "silver.seasons", "--lake", lake.toString()).out().lines().count(),
                "a heading and the run's version");
        List<String> versions = CliRun.execute("history", "gold.mgp", "--lake", lake.toString()).out().lines().skip(1).toList();
        assertEquals(1, versions.size(), "only the run's version: " + versions);
        assertTrue(versions.get(0).matches(".* overwrite +[\\d,]+ +" + years + " +0  main, run-\\S+"),
                "the run wrote one file per season's year: " + versions.get(0));
    }

    @Test
    void aTableNotInTheLakeIsOneLineError() {
        assertEquals(0, CliRun.execute("run", "--seeds", TestSeeds.small().toString(), "--lake", lake.toString(), "--port", "0", "-q").code());

        CliRun history = CliRun.execute("history", "silver.nothing", "--lake", lake.toString());

        assertEquals(1, history.code());
        history.assertOneLineError("no table silver.nothing in " + lake);
    }

    @Test
    void aLakeWithoutTablesIsOneLineErrorAndStaysAsItWas() throws Exception {
        CliRun history = CliRun.execute("history", "gold.mgp", "--lake", lake.toString());

        assertEquals(1, history.code());
        history.assertOneLineError("no Iceberg tables in " + lake + " yet (no catalog.db): run 'pipeline run --lake " + lake + "' first");
        try (var files = java.nio.file.Files.list(lake)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }

    @Test
    void aTableNotNamedByItsLayerIsAUsageError() {
        CliRun history = CliRun.execute("history", "events", "--lake", lake.toString());

        assertEquals(2, history.code());
        assertTrue(history.err().startsWith("mgp-pipeline: TABLE must be layer.name, such as silver.events, not 'events'"), history.err());
    }
}
