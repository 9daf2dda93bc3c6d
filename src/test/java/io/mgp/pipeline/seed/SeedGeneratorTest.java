package io.mgp.pipeline.seed;


import static io.mgp.pipeline.LakeAssertions.count;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedGeneratorTest {

    private static final List<String> TABLES =
            List.of("seasons", "events", "categories", "sessions", "classifications");
    private static final Path REAL_DATASET = Path.of("..", "shared", "seeds", "motogp");
    private static final long SEED = 42;

    @TempDir
    static Path shared;

    private static Path scaleOne;
    private static SeedCounts scaleOneCounts;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateScaleOneOnce() {
        scaleOne = shared.resolve("scale-1");
        scaleOneCounts = new SeedGenerator(1, SEED).write(scaleOne);
    }

    @Test
    void sameScaleAndSeedGiveByteIdenticalFiles() throws IOException {
        new SeedGenerator(0.2, SEED).write(dir.resolve("a"));
        new SeedGenerator(0.2, SEED).write(dir.resolve("b"));

        for (String table : TABLES) {
            assertArrayEquals(Files.readAllBytes(parquet(dir.resolve("a"), table)),
                    Files.readAllBytes(parquet(dir.resolve("b"), table)), table);
        }
    }

    /** The repo's own seeds/ are what `seed --scale 1 --random-seed 42` writes, so anyone can regenerate them. */
    @Test
    void committedDefaultSeedsAreTheScaleOneOutput() throws IOException {
        for (String table : TABLES) {
            assertArrayEquals(Files.readAllBytes(parquet(scaleOne, table)),
                    Files.readAllBytes(parquet(Path.of("seeds"), table)), table + " differs: regenerate with 'make seeds'");
        }
    }

    @Test
    void differentSeedsGiveDifferentData() throws Exception {
        new SeedGenerator(0.2, 1).write(dir.resolve("a"));
        new SeedGenerator(0.2, 2).write(dir.resolve("b"));

        String bothSeasons = "SELECT count(*) FROM '" + parquet(dir.resolve("a"), "seasons") + "' a JOIN '"
                + parquet(dir.resolve("b"), "seasons") + "' b USING (id)";
        assertEquals(0, count(bothSeasons), "season ids must differ between seeds");
        for (String table : List.of("events", "classifications")) {
            long firstDifference = Files.mismatch(parquet(dir.resolve("a"), table), parquet(dir.resolve("b"), table));
            assertNotEquals(-1L, firstDifference, table);
        }
    }

    @Test
    void writtenFilesHoldTheReturnedCounts() throws Exception {
        assertEquals(scaleOneCounts.seasons(), rows(scaleOne, "seasons"));
        assertEquals(scaleOneCounts.events(), rows(scaleOne, "events"));
        assertEquals(scaleOneCounts.categories(), rows(scaleOne, "categories"));
        assertEquals(scaleOneCounts.sessions(), rows(scaleOne, "sessions"));
        assertEquals(scaleOneCounts.classifications(), rows(scaleOne, "classifications"));
    }

    @Test
    void scaleOneResemblesTheRealDatasetShape() throws Exception {
        assertEquals(76, scaleOneCounts.seasons());
        assertEquals(1949, count("SELECT min(year) FROM " + file(scaleOne, "seasons")));
        assertEquals(2024, count("SELECT max(year) FROM " + file(scaleOne, "seasons")));
        assertNear(1_114, scaleOneCounts.events(), "events");
        assertNear(3_326, scaleOneCounts.categories(), "event categories");
        assertNear(10_148, scaleOneCounts.sessions(), "sessions");
        assertNear(199_070, scaleOneCounts.classifications(), "classification rows");
        assertNear(1_998, sessionsWithoutClassification(scaleOne), "sessions without classification");

        String classifications = file(scaleOne, "classifications");
        String rowsWhere = "SELECT count(*) FROM " + classifications + " WHERE ";
        assertNear(25_022, count(rowsWhere + "number IS NULL"), "null numbers");
        assertNear(13_850, count(rowsWhere + "position IS NULL"), "null positions");
        assertEquals(0, count(rowsWhere + "points IS NULL"));
        long nonAscii = count(rowsWhere + "strlen(name) > length(name)");
        long all = scaleOneCounts.classifications();
        assertTrue(nonAscii > 0.01 * all && nonAscii < 0.04 * all, "about 2% non-ASCII rider names, got " + nonAscii);

        long categoryIds = count("SELECT count(DISTINCT id) FROM " + file(scaleOne, "categories"));
        assertTrue(categoryIds >= 5 && categoryIds <= 12, "a few category ids reused across events: " + categoryIds);
        long sessionNames = count("SELECT count(DISTINCT name) FROM " + file(scaleOne, "sessions"));
        assertTrue(sessionNames >= 8, "varied session names: " + sessionNames);
        long unnamedEvents = count("SELECT count(*) FROM " + file(scaleOne, "events")
                + " WHERE name IS NULL OR sname IS NULL");
        assertEquals(0, unnamedEvents);
    }

    @Test
    void scaleOneHasTheRealDatasetSchemas() throws Exception {
        assertEquals(List.of("id VARCHAR", "year BIGINT"), schema(scaleOne, "seasons"));
        assertEquals(List.of("id VARCHAR", "name VARCHAR", "sname VARCHAR", "season_id VARCHAR"),
                schema(scaleOne, "events"));
        assertEquals(List.of("id VARCHAR", "name VARCHAR", "season_id VARCHAR", "event_id VARCHAR"),
                schema(scaleOne, "categories"));
        assertEquals(List.of("id VARCHAR", "name VARCHAR", "season_id VARCHAR", "event_id VARCHAR",
                "category_id VARCHAR"), schema(scaleOne, "sessions"));
        assertEquals(List.of("season_id VARCHAR", "event_id VARCHAR", "category_id VARCHAR", "session_id VARCHAR",
                "name VARCHAR", "number INTEGER", "position INTEGER", "points INTEGER"),
                schema(scaleOne, "classifications"));

        assumeTrue(Files.isDirectory(REAL_DATASET), "real dataset not present at " + REAL_DATASET.toAbsolutePath());
        for (String table : TABLES) {
            assertEquals(schema(REAL_DATASET, table), schema(scaleOne, table), table);
        }
    }

    @Test
    void everyRowPointsAtAnExistingParent() throws Exception {
        assertNoOrphans("events", "season_id", "seasons");
        assertNoOrphans("categories", "event_id", "events");
        assertNoOrphans("sessions", "event_id", "events");
        assertNoOrphans("classifications", "session_id", "sessions");
    }

    @Test
    void doublingTheScaleDoublesRowsAndRequests() {
        SeedCounts doubled = new SeedGenerator(2, SEED).write(dir);

        assertEquals(76, doubled.seasons());
        assertNear(2.0 * scaleOneCounts.classifications(), doubled.classifications(), "classification rows at scale 2");
        assertNear(2.0 * scaleOneCounts.requests(), doubled.requests(), "requests at scale 2");
    }

    @Test
    void tinyScaleIsSmallButWellFormed() throws Exception {
        SeedCounts tiny = new SeedGenerator(0.01, SEED).write(dir);

        assertEquals(1, tiny.seasons());
        assertTrue(tiny.events() >= 1 && tiny.categories() >= 1 && tiny.sessions() >= 1 && tiny.classifications() >= 1,
                tiny.toString());
        assertTrue(tiny.requests() < 1_000, tiny.toString());
        assertTrue(sessionsWithoutClassification(dir) >= 1, "some session has no classification");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(TABLES.stream().map(t -> t + ".parquet").sorted().toList(),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "the five files and no temporaries");
        }
    }

    @Test
    void nonPositiveScaleIsRejected() {
        for (double scale : new double[] {0, -1, Double.NaN}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> new SeedGenerator(scale, SEED));
            assertTrue(e.getMessage().contains("scale"), e.getMessage());
        }
    }

    private static void assertNear(double expected, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= 0.15 * expected,
                what + ": expected " + expected + " ±15%, got " + actual);
    }

    private static void assertNoOrphans(String child, String column, String parent) throws SQLException {
        long orphans = count("SELECT count(*) FROM " + file(scaleOne, child) + " c WHERE NOT EXISTS ("
                + "SELECT 1 FROM " + file(scaleOne, parent) + " p WHERE p.id = c." + column + ")");
        assertEquals(0, orphans, child + "." + column);
    }

    private static long sessionsWithoutClassification(Path outDir) throws SQLException {
        return count("SELECT count(*) FROM " + file(outDir, "sessions") + " s WHERE NOT EXISTS (SELECT 1 FROM "
                + file(outDir, "classifications") + " c WHERE c.session_id = s.id)");
    }

    private static long rows(Path outDir, String table) throws SQLException {
        return count("SELECT count(*) FROM " + file(outDir, table));
    }

    private static List<String> schema(Path outDir, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet rs = statement.executeQuery("DESCRIBE SELECT * FROM " + file(outDir, table))) {
            while (rs.next()) {
                columns.add(rs.getString("column_name") + " " + rs.getString("column_type"));
            }
        }
        return columns;
    }

    private static String file(Path outDir, String table) {
        return "'" + parquet(outDir, table).toAbsolutePath() + "'";
    }

    private static Path parquet(Path outDir, String table) {
        return outDir.resolve(table + ".parquet");
    }
}
