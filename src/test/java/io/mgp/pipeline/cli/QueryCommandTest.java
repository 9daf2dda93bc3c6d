package io.mgp.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.ChangedSeeds;
import io.mgp.pipeline.LakeAssertions;
import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.duck.SqlResource;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.Staging;
import io.mgp.pipeline.lake.iceberg.IcebergTables;
import io.mgp.pipeline.lake.iceberg.LakeCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code query} on a lake two runs wrote: the second found one more session, with its results, in the source. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryCommandTest {

    private Path lake;
    private long firstGold;
    private String firstRun;
    private Path changedSeeds;
    private String firstSnapshot;

    @BeforeAll
    void crawlTwice(@TempDir Path lake, @TempDir Path changed) throws Exception {
        this.lake = lake;
        Path seeds = TestSeeds.small();
        assertEquals(0, run(seeds).code());
        firstGold = LakeAssertions.tableRows(lake, "gold.mgp");
        changedSeeds = ChangedSeeds.withExtraSession(seeds, changed, 25);
        assertEquals(0, run(changedSeeds).code());
        assertTrue(LakeAssertions.tableRows(lake, "gold.mgp") > firstGold, "the second run added results");
        List<String> versions = CliRun.execute("history", "gold.mgp", "--lake", lake.toString()).out().lines().toList();
        String[] oldest = versions.get(versions.size() - 1).split(" +");
        firstSnapshot = oldest[0];
        firstRun = oldest[3];
    }

    @Test
    void everyTableIsReadByItsNameAsPublished() throws Exception {
        CliRun query = query("SELECT (SELECT count(*) FROM gold.mgp) AS gold, (SELECT count(*) FROM silver.seasons) AS seasons,"
                + " (SELECT count(*) > 0 FROM bronze.seasons) AS bronze", "--format", "csv");

        assertEquals(0, query.code(), query.err());
        assertEquals(List.of("gold,seasons,bronze", LakeAssertions.tableRows(lake, "gold.mgp") + ","
                + LakeAssertions.tableRows(lake, "silver.seasons") + ",true"), query.out().lines().toList());
    }

    @Test
    void asOfARunsTagOrSnapshotTheTablesReadAsThatRunLeftThem() {
        assertTrue(firstGold > 0);
        for (String point : List.of("run-" + firstRun, firstSnapshot)) {
            CliRun query = query("SELECT count(*) AS n FROM gold.mgp", "--as-of", point, "--format", "json");

            assertEquals(0, query.code(), query.err());
            assertEquals("{\"n\":" + firstGold + "}", query.out().strip(), "as of " + point);
        }
    }

    @Test
    void asOfEachRunsTagGoldIsExactlyWhatThatRunsSeedsGive(@TempDir Path out) throws Exception {
        List<String> tags = CliRun.execute("history", "gold.mgp", "--lake", lake.toString()).out().lines().skip(1)
                .map(line -> "run-" + line.split(" +")[3]).toList();
        assertEquals(2, tags.size(), "two runs published gold");
        for (int i = 0; i < tags.size(); i++) {
            Path file = out.resolve(i + ".parquet");
            CliRun query = query("SELECT * FROM gold.mgp", "--as-of", tags.get(i), "--format", "parquet", "--out", file.toString());

            assertEquals(0, query.code(), query.err());
            LakeAssertions.assertGoldFileMatchesSeeds(file, i == 0 ? changedSeeds : TestSeeds.small());
        }
    }

    @Test
    void asOfASnapshotOfAnotherTableTheRunsOtherTablesReadAtItsTag() {
        List<String> versions = CliRun.execute("history", "silver.classifications", "--lake", lake.toString()).out().lines().toList();
        String firstClassifications = versions.get(versions.size() - 1).split(" +")[0];

        CliRun query = query("SELECT count(*) AS n FROM gold.mgp", "--as-of", firstClassifications, "--format", "csv");

        assertEquals(0, query.code(), query.err());
        assertEquals(List.of("n", String.valueOf(firstGold)), query.out().lines().toList(), "gold as the same run published it");
    }

    @Test
    void aTimeBeforeAnyTableIsOneLineError() {
        CliRun query = query("SELECT 1", "--as-of", "2000-01-01T00:00:00Z");

        assertEquals(1, query.code());
        query.assertOneLineError("no table of " + lake + " had a version at 2000-01-01T00:00:00Z");
    }

    @Test
    void aPointNoTableHasIsOneLineError() {
        CliRun query = query("SELECT 1", "--as-of", "run-never");

        assertEquals(1, query.code());
        query.assertOneLineError("no branch, tag or snapshot 'run-never' in the tables of " + lake);
    }

    @Test
    void aFailingQueryIsOneLineError() {
        CliRun query = query("SELECT * FROM gold.nothing");

        assertEquals(1, query.code());
        assertTrue(query.err().startsWith("mgp-pipeline: the query failed: Catalog Error: Table with name nothing does not exist!"),
                query.err());
    }

    @Test
    void onABranchTheTablesThatHaveItReadItsHeadAndTheOthersAsPublished() throws Exception {
        Lake opened = new Lake(lake.toString());
        try (IcebergTables tables = new IcebergTables(opened, "onbranch", false, () -> LakeCatalog.open(opened, key -> null));
             Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement()) {
            sql.execute("CREATE SCHEMA silver");
            assertEquals("kept on branch audit-onbranch", Staging.stage(tables, sql, "silver", "seasons",
                    "SELECT * FROM read_parquet(" + SqlResource.literal(TestSeeds.small().resolve("seasons.parquet")) + ") LIMIT 1").discard());
        }

        CliRun query = query("SELECT (SELECT count(*) FROM silver.seasons) AS seasons, (SELECT count(*) FROM gold.mgp) AS gold",
                "--branch", "audit-onbranch", "--format", "csv");

        assertEquals(0, query.code(), query.err());
        assertEquals(List.of("seasons,gold", "1," + LakeAssertions.tableRows(lake, "gold.mgp")), query.out().lines().toList());
        assertTrue(LakeAssertions.tableRows(lake, "silver.seasons") > 1, "main is as it was");
    }

    @Test
    void aBranchNoTableHasIsOneLineError() {
        CliRun query = query("SELECT 1", "--branch", "audit-never");

        assertEquals(1, query.code());
        query.assertOneLineError("no branch 'audit-never' in the tables of " + lake);
    }

    @Test
    void asParquetTheRowsGoToTheFileNamedWhichDuckDbReadsBack(@TempDir Path out) throws Exception {
        Path file = out.resolve("gold.parquet");

        CliRun query = query("SELECT * FROM gold.mgp;", "--format", "parquet", "--out", file.toString(), "--as-of", "run-" + firstRun);

        assertEquals(0, query.code(), query.err());
        assertEquals(String.format("wrote %,d rows to %s (at run-%s)", firstGold, file, firstRun), query.out().strip());
        assertEquals(firstGold, LakeAssertions.count("SELECT count(*) FROM read_parquet(" + SqlResource.literal(file) + ")"));
    }

    @Test
    void aQueryThatFailsLeavesTheFileItWouldHaveReplacedAsItWas(@TempDir Path out) throws Exception {
        Path file = out.resolve("seasons.csv");
        assertEquals(0, query("SELECT * FROM silver.seasons ORDER BY 1", "--format", "csv", "--out", file.toString()).code());
        String written = Files.readString(file);
        assertTrue(written.lines().count() > 2, written);

        for (String format : List.of("csv", "parquet")) {
            CliRun failing = query("SELECT * FROM silver.nothing", "--format", format, "--out", file.toString());

            assertEquals(1, failing.code(), format);
            assertEquals(written, Files.readString(file), format);
            try (var files = Files.list(out)) {
                assertEquals(List.of(file), files.toList(), "no temporary file left (" + format + ")");
            }
        }
    }

    @Test
    void aStatementWithoutRowsSuchAsACopyToAFileRunsAndPrintsNothing(@TempDir Path out) throws Exception {
        Path file = out.resolve("seasons.csv");

        CliRun copy = query("COPY (SELECT * FROM silver.seasons) TO " + SqlResource.literal(file) + " (HEADER)");

        assertEquals(0, copy.code(), copy.err());
        assertEquals("", copy.out());
        assertEquals(LakeAssertions.tableRows(lake, "silver.seasons") + 1, Files.readAllLines(file).size());
    }

    @Test
    void parquetWithoutAFileAndAsOfWithBranchAreUsageErrors() {
        for (List<String> options : List.of(List.of("--format", "parquet"), List.of("--as-of", "run-" + firstRun, "--branch", "main"))) {
            CliRun query = query("SELECT 1", options.toArray(String[]::new));

            assertEquals(2, query.code(), options.toString());
            assertTrue(query.err().startsWith("mgp-pipeline: " + (options.contains("--branch") ? "--as-of and --branch cannot be given together"
                    : "--format parquet needs --out FILE")), query.err());
        }
    }

    private CliRun query(String sql, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("query", sql, "--lake", lake.toString()));
        args.addAll(List.of(options));
        return CliRun.execute(args.toArray(String[]::new));
    }

    private CliRun run(Path seeds) {
        return CliRun.execute("run", "--seeds", seeds.toString(), "--lake", lake.toString(), "--port", "0", "-q");
    }
}
