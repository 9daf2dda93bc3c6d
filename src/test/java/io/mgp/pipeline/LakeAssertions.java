package io.mgp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.duck.SqlResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/** Checks on a lake a run wrote, computed with DuckDB on the files themselves. */
public final class LakeAssertions {

    private LakeAssertions() {
    }

    /** Gold equals, as a multiset, the join computed directly on the seed files. */
    public static void assertGoldMatchesSeeds(Path lake, Path seeds) throws SQLException {
        String expected = SqlResource.load("sql/gold-from-seeds.sql",
                Map.of("seeds", SqlResource.literal(seeds.toAbsolutePath())));
        String gold = "SELECT * FROM read_parquet(" + SqlResource.literal(lake.resolve("gold/mgp.parquet")) + ")";
        assertEquals(count("SELECT count(*) FROM (" + expected + ")"), count("SELECT count(*) FROM (" + gold + ")"),
                "gold rows");
        assertEquals(0, count("SELECT count(*) FROM ((" + expected + ") EXCEPT ALL (" + gold + "))"), "rows missing from gold");
        assertEquals(0, count("SELECT count(*) FROM ((" + gold + ") EXCEPT ALL (" + expected + "))"), "rows gold should not have");
    }

    public static long count(String sql) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A count from the lake's state database (lake/state/queue.duckdb), read once the run's application stopped. */
    public static long stateCount(Path lake, String sql) throws SQLException {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection state = DriverManager.getConnection("jdbc:duckdb:" + lake.resolve("state/queue.duckdb"), readOnly);
             Statement statement = state.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static long parquetRows(Path file) throws SQLException {
        return count("SELECT count(*) FROM read_parquet(" + SqlResource.literal(file) + ")");
    }

    /** No temporary or staging file is left anywhere in the lake. */
    public static void assertNoPartialFiles(Path lake) {
        List<Path> leftovers = files(lake).filter(f -> f.toString().endsWith(".tmp") || f.toString().contains(".staging"))
                .toList();
        assertTrue(leftovers.isEmpty(), "partial files left: " + leftovers);
    }

    public static Stream<Path> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
