package io.mgp.pipeline.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code build --engine spark} on a Spark standalone cluster (a master and two workers on loopback) over a lake whose
 * silver DuckDB crawled and built: Spark writes new versions of DuckDB's tables and creates gold, a table new to the
 * lake; then DuckDB builds on what the cluster wrote, into the same gold. One lake, one catalog, two engines.
 */
class SparkClusterIT {

    private static final Path LIB = Path.of(System.getProperty("spark.lib", "target/lib")).toAbsolutePath();
    /** Executors of a test's tiny data: C1 only, as the pipeline's own JVMs (C2 would compile more than they run). */
    private static final String EXECUTOR_JVM = "-Dspark.executor.extraJavaOptions=-XX:TieredStopAtLevel=1 -XX:+UseParallelGC";

    @Test
    void aClusterBuildsDuckDbsTablesAndANewGoldThenDuckDbBuildsTheSameGoldOnThem(@TempDir Path temp) throws Exception {
        PipelineJar pipeline = new PipelineJar(temp, "-Dmgp.spark.jar=" + PipelineJar.SPARK_ENGINE, "-Dspark.executor.memory=512m",
                EXECUTOR_JVM);
        Path lake = temp.resolve("lake");
        Path seeds = temp.resolve("seeds");
        Path silverOnly = PipelineJar.builtInProject(temp.resolve("silver-only"));
        // gold's SELECT, for DuckDB to compute by itself at the end: without its comments and its last ORDER BY
        String goldSql = Files.readString(silverOnly.resolve("models/gold/mgp.sql")).replaceAll("(?m)^--.*$", "")
                .replaceAll("(?s)\\s*ORDER BY[^()]*$", "");
        deleteFolder(silverOnly.resolve("models/gold"));
        String duckDbRun;
        String built;
        // the cluster starts (three JVMs) while DuckDB crawls and builds silver
        try (StandaloneCluster cluster = new StandaloneCluster(Files.createDirectories(temp.resolve("cluster")), LIB, 2, "700m")) {
            pipeline.run(0, "seed", "--out", seeds.toString(), "--scale", "0.02");
            pipeline.run(0, "run", "--seeds", seeds.toString(), "--lake", lake.toString(), "--port", "0", "-q",
                    "--project", silverOnly.toString());
            duckDbRun = PipelineJar.lastRun(lake);

            built = pipeline.run(0, "build", "--engine", "spark", "--spark-master", cluster.master(), "--lake", lake.toString());
            assertTrue(cluster.executorsLaunched() >= 1, "the workers ran the build's executors");
        }
        assertTrue(built.contains("Models     6: built 6, not built 0"), built);
        assertTrue(built.contains("Tests      38: pass 37, warn 1"), built);
        String sparkRun = PipelineJar.lastRun(lake);
        // the parquet export of the version Spark published, kept before DuckDB's build publishes (and exports) its own
        Files.copy(lake.resolve("gold/mgp.parquet"), temp.resolve("gold-by-spark.parquet"));

        String rebuilt = pipeline.run(0, "build", "--lake", lake.toString());
        assertTrue(rebuilt.contains("Models     6: built 6, not built 0"), rebuilt);
        assertTrue(rebuilt.contains("Tests      38: pass 37, warn 1"), rebuilt);
        // DuckDB's build read Spark's versions and found each table's rows (each partition's, in an incremental one), as a
        // multiset, the same: it commits nothing
        for (String model : List.of("silver\\.seasons", "silver\\.events", "silver\\.categories", "silver\\.sessions",
                "silver\\.classifications", "gold\\.mgp")) {
            assertTrue(rebuilt.matches("(?s).*OK built " + model + " \\.+ \\[[0-9,]+ rows, unchanged in .*"), rebuilt);
        }

        String byDuckDb = "(" + goldSql.strip() + ")";
        String bySpark = "'" + temp.resolve("gold-by-spark.parquet") + "'";
        assertEquals(0, pipeline.count(lake, "SELECT (SELECT count(*) FROM (" + byDuckDb + " EXCEPT ALL SELECT * FROM " + bySpark + "))"
                + " + (SELECT count(*) FROM (SELECT * FROM " + bySpark + " EXCEPT ALL " + byDuckDb + "))"
                + " + ((SELECT count(*) FROM " + bySpark + ") <> (SELECT count(*) FROM bronze.classifications))::INTEGER"
                + " + (SELECT count(*) = 0 FROM " + bySpark + ")::INTEGER"), "gold by DuckDB and by Spark, as multisets, a row a result");

        List<String> goldHistory = history(pipeline, lake, "gold.mgp");
        assertEquals(2, goldHistory.size(), String.join("\n", goldHistory));
        assertTrue(goldHistory.get(0).contains(" overwrite ") && goldHistory.get(0).contains("main, run-" + sparkRun),
                String.join("\n", goldHistory));
        // the empty snapshot the audit branch of a table new to an engine starts from (DuckDB commits none)
        assertTrue(goldHistory.get(1).matches(".* append +0 +0 +0 *"), String.join("\n", goldHistory));
        List<String> silverHistory = history(pipeline, lake, "silver.seasons");
        assertEquals(2, silverHistory.size(), String.join("\n", silverHistory));
        assertTrue(silverHistory.get(0).contains("main, run-" + sparkRun) && silverHistory.get(1).contains("run-" + duckDbRun),
                String.join("\n", silverHistory));
        assertEquals(0, pipeline.count(lake, "SELECT count(*) FROM gold.mgp", "--as-of", goldHistory.get(1).split(" +")[0]),
                "DuckDB reads gold as of the empty snapshot Spark's branch started from");
    }

    private static List<String> history(PipelineJar pipeline, Path lake, String table) throws IOException, InterruptedException {
        return pipeline.run(0, "history", table, "--lake", lake.toString()).lines().skip(1).toList();
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
