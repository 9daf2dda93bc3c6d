package io.mgp.pipeline.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code build --engine spark} on a Spark standalone cluster (a master and two workers on loopback) over a lake DuckDB
 * crawled and built: the same gold, into the same tables; and DuckDB then tests, time-travels and builds on what the
 * cluster wrote. One lake, one catalog, two engines.
 */
class SparkClusterIT {

    private static final Path LIB = Path.of(System.getProperty("spark.lib", "target/lib")).toAbsolutePath();

    @Test
    void aClusterBuildsTheSameGoldIntoTheSameTablesAndDuckDbBuildsOnIt(@TempDir Path temp) throws Exception {
        PipelineJar pipeline = new PipelineJar(temp, "-Dmgp.spark.jar=" + SparkEngineIT.ENGINE, "-Dspark.executor.memory=512m");
        Path lake = temp.resolve("lake");
        Path seeds = temp.resolve("seeds");
        pipeline.run(0, "seed", "--out", seeds.toString(), "--scale", "0.02");
        pipeline.run(0, "run", "--seeds", seeds.toString(), "--lake", lake.toString(), "--port", "0", "-q");
        String duckDbRun = lastRun(lake);
        Path duckDbGold = temp.resolve("gold-by-duckdb.parquet");
        Files.copy(lake.resolve("gold/mgp.parquet"), duckDbGold);

        String built;
        try (StandaloneCluster cluster = new StandaloneCluster(Files.createDirectories(temp.resolve("cluster")), LIB, 2, "700m")) {
            built = pipeline.run(0, "build", "--engine", "spark", "--spark-master", cluster.master(), "--lake", lake.toString());
            assertTrue(cluster.executorsLaunched() >= 1, "the workers ran the build's executors");
        }
        assertTrue(built.contains("Models     6: built 6, not built 0"), built);
        assertTrue(built.contains("Tests      38: pass 37, warn 1"), built);
        String sparkRun = lastRun(lake);

        String gold = "'" + duckDbGold + "'";
        assertEquals(0, pipeline.count(lake, "SELECT (SELECT count(*) FROM (SELECT * FROM gold.mgp EXCEPT ALL SELECT * FROM " + gold + "))"
                + " + (SELECT count(*) FROM (SELECT * FROM " + gold + " EXCEPT ALL SELECT * FROM gold.mgp))"
                + " + (SELECT count(*) = 0 FROM gold.mgp)::INTEGER"), "gold by Spark and by DuckDB, as multisets");

        List<String> history = pipeline.run(0, "history", "silver.seasons", "--lake", lake.toString()).lines().skip(1).toList();
        assertTrue(history.get(0).contains(sparkRun) && history.get(0).contains("main, run-" + sparkRun), String.join("\n", history));
        assertTrue(history.stream().anyMatch(line -> line.contains("run-" + duckDbRun)), String.join("\n", history));

        pipeline.run(0, "test", "--lake", lake.toString());
        assertEquals(pipeline.count(lake, "SELECT count(*) FROM silver.seasons"),
                pipeline.count(lake, "SELECT count(*) FROM silver.seasons", "--as-of", "run-" + duckDbRun));
        String rebuilt = pipeline.run(0, "build", "--lake", lake.toString());
        assertTrue(rebuilt.contains("Models     6: built 6, not built 0"), rebuilt);
    }

    /** The id of the lake's last run or build: its log folder's name, which starts with when it started. */
    private static String lastRun(Path lake) throws IOException {
        try (Stream<Path> runs = Files.list(lake.resolve("logs"))) {
            return runs.map(run -> run.getFileName().toString()).max(String::compareTo).orElseThrow();
        }
    }
}
