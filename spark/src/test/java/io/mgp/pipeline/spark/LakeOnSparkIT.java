package io.mgp.pipeline.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lake written by pipeline.jar (DuckDB's data files, Iceberg's Java library's commits) read by Spark through the
 * same catalog: the published tables, a snapshot, a run's tag, an audit branch and the metadata tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LakeOnSparkIT {

    private PipelineJar pipeline;
    private Path lake;
    private SparkSession spark;
    /** gold.mgp's versions, newest first, as {@code history} lists them: snapshot id and run id. */
    private List<String[]> goldVersions;
    private String failedRun;

    /**
     * A run, then a build of a project whose gold has its riders' names in capitals (a second version of gold), then
     * a build of that project without the first season in silver.seasons and with a test that always fails (the
     * audited version of seasons stays on its branch; a table whose rows did not change has none).
     */
    @BeforeAll
    void writeTheLakeWithThePipeline(@TempDir Path temp) throws Exception {
        pipeline = new PipelineJar(temp);
        lake = temp.resolve("lake");
        Path seeds = temp.resolve("seeds");
        pipeline.run(0, "seed", "--out", seeds.toString(), "--scale", "0.02");
        pipeline.run(0, "run", "--seeds", seeds.toString(), "--lake", lake.toString(), "--port", "0", "-q");
        Path project = PipelineJar.builtInProject(temp.resolve("project"));
        Path gold = project.resolve("models/gold/mgp.sql");
        Files.writeString(gold, Files.readString(gold).replace("cl.name AS rider_name", "upper(cl.name) AS rider_name"));
        pipeline.run(0, "build", "--lake", lake.toString(), "--project", project.toString());
        Path seasons = project.resolve("models/silver/seasons.sql");
        Files.writeString(seasons, Files.readString(seasons).strip()
                + "\n  AND CAST(\"year\" AS BIGINT) > (SELECT min(CAST(\"year\" AS BIGINT)) FROM bronze.seasons)\n");
        Files.writeString(project.resolve("tests/always_fails.sql"), "SELECT * FROM gold.mgp LIMIT 1");
        pipeline.run(1, "build", "--lake", lake.toString(), "--project", project.toString());

        goldVersions = pipeline.run(0, "history", "gold.mgp", "--lake", lake.toString()).lines().skip(1)
                .map(line -> line.split(" +")).map(f -> new String[] {f[0], f[3]}).toList();
        failedRun = PipelineJar.lastRun(lake);
        spark = LakeSession.open(lake, "local[2]");
    }

    @AfterAll
    void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void sparkReadsGoldAsPublishedRowForRowAsDuckDbDoes() {
        // the parquet copy of gold DuckDB exports as it publishes
        Dataset<Row> byDuckDb = spark.read().parquet(lake.resolve("gold/mgp.parquet").toString());
        Dataset<Row> bySpark = spark.table("gold.mgp");

        assertEquals(byDuckDb.count(), bySpark.count());
        assertTrue(bySpark.count() > 0);
        assertEquals(0, byDuckDb.exceptAll(bySpark).count(), "rows DuckDB reads that Spark does not");
        assertEquals(0, bySpark.exceptAll(byDuckDb).count(), "rows Spark reads that DuckDB does not");
    }

    @Test
    void versionAsOfTheFirstSnapshotAndTheFirstRunsTagReadTheFirstRunsGold() throws Exception {
        assertEquals(2, goldVersions.size(), "the run's gold and the build's");
        String lowerCase = "SELECT count(*) FROM gold.mgp %s WHERE rider_name <> upper(rider_name)";
        long first = count(String.format(lowerCase, "VERSION AS OF " + goldVersions.get(1)[0]));

        assertTrue(first > 0, "the run's names are as the API gave them");
        assertEquals(duckDbCount(String.format(lowerCase, ""), "--as-of", goldVersions.get(1)[0]), first);
        assertEquals(first, count(String.format(lowerCase, "VERSION AS OF 'run-" + goldVersions.get(1)[1] + "'")));
        assertEquals(0, count(String.format(lowerCase, "VERSION AS OF 'run-" + goldVersions.get(0)[1] + "'")));
        assertEquals(0, count(String.format(lowerCase, "")), "the build's names, in capitals, are published");
    }

    @Test
    void theFailedBuildsAuditBranchReadsItsAuditedVersion() throws Exception {
        String branch = "audit-" + failedRun;

        assertEquals(duckDbCount("SELECT count(*) FROM silver.seasons", "--branch", branch),
                count("SELECT count(*) FROM silver.seasons VERSION AS OF '" + branch + "'"));
        assertEquals(1, count("SELECT count(*) FROM silver.seasons.refs WHERE name = '" + branch + "' AND type = 'BRANCH'"));
        assertEquals(0, count("SELECT count(*) FROM gold.mgp.refs WHERE name = '" + branch + "'"),
                "gold was not staged: silver.events, which it reads, failed its relationship to the staged seasons");
    }

    @Test
    void theSnapshotsTableCarriesEachRunsId() {
        List<Row> snapshots = spark.sql("SELECT snapshot_id, summary['mgp.run-id'] FROM gold.mgp.snapshots ORDER BY committed_at DESC")
                .collectAsList();

        assertEquals(goldVersions.stream().map(v -> v[0] + " " + v[1]).toList(),
                snapshots.stream().map(row -> row.getLong(0) + " " + row.getString(1)).toList());
    }

    @Test
    void theDefaultCatalogIsTheLakesUnderTheNameThePipelineCommitsTo() {
        Set<String> tables = spark.sql("SHOW TABLES IN silver").collectAsList().stream()
                .map(row -> row.getString(1)).collect(Collectors.toCollection(TreeSet::new));

        assertEquals(Set.of("categories", "classifications", "events", "seasons", "sessions"), tables);
        assertEquals("mgp", spark.conf().get("spark.sql.defaultCatalog"));
    }

    @Test
    void aStatementThatFailsIsCountedAndTheStatementsAfterItStillRun() {
        assertEquals(1, SparkSql.run(spark, List.of("SELECT * FROM silver.no_such_table", "SELECT 1")));
    }

    private long count(String sql) {
        return spark.sql(sql).first().getLong(0);
    }

    private long duckDbCount(String sql, String... options) throws Exception {
        return pipeline.count(lake, sql, options);
    }
}
