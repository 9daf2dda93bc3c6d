package io.mgp.pipeline.cli;

import static io.mgp.pipeline.LakeAssertions.assertGoldMatchesSeeds;
import static io.mgp.pipeline.LakeAssertions.assertNoPartialFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.ChildRun;
import io.mgp.pipeline.LakeAssertions;
import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.lake.iceberg.IcebergTables;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A {@code build} killed with SIGKILL anywhere between writing its first data file and publishing its last table
 * leaves a consistent lake: each table's {@code main} is the version published before or the build's new one, the
 * next build publishes, and what the killed one left behind is only what {@code maintain} then removes.
 */
class BuildAfterKillTest {

    private static final List<String> TABLES = List.of("silver.seasons", "silver.events", "silver.categories",
            "silver.sessions", "silver.classifications", "gold.mgp");
    private static final Duration BUILD_LIMIT = Duration.ofSeconds(60);

    /** One lake for every point, each killed build and the build after it starting from what the one before left. */
    @TempDir
    static Path temp;

    private static Path lake;
    private static Path seeds;

    @BeforeAll
    static void run() {
        lake = temp.resolve("lake");
        seeds = TestSeeds.small();
        assertEquals(0, CliRun.execute("run", "--seeds", seeds.toString(), "--lake", lake.toString(), "--port", "0", "-q").code());
    }

    /** Where in a build the kill lands, told by the files it has added to the lake since it started. */
    enum KillPoint {
        WHILE_THE_FIRST_DATA_FILE_IS_WRITTEN((lake, added) -> added.stream().anyMatch(f -> f.endsWith(".parquet"))),
        AFTER_THE_FIRST_AUDIT_COMMIT((lake, added) -> added.stream().anyMatch(f -> f.endsWith(".metadata.json"))),
        // classifications and gold are incremental: without one season they only lose a partition, so sessions is
        // the last table written
        WHILE_THE_LAST_TABLE_IS_WRITTEN((lake, added) -> added.stream().anyMatch(f -> f.startsWith(lake.resolve("silver/sessions/data").toString()))),
        BETWEEN_TWO_TABLES_PUBLISHED((lake, added) -> added.stream()
                .filter(f -> f.startsWith(lake.resolve("silver/seasons/metadata").toString()) && f.endsWith(".metadata.json")).count() >= 2);

        private final BiPredicate<Path, Set<String>> reached;

        KillPoint(BiPredicate<Path, Set<String>> reached) {
            this.reached = reached;
        }
    }

    @ParameterizedTest
    @EnumSource(KillPoint.class)
    void aBuildKilledAnywhereLeavesEachTableAsPublishedBeforeOrNewAndTheNextBuildPublishes(KillPoint point) throws Exception {
        Map<String, Long> published = new HashMap<>();
        TABLES.forEach(table -> published.put(table, LakeAssertions.mainSnapshot(lake, table)));

        // a build over the same bronze would change no table, and write nothing to be killed in
        Path aside = temp.resolve("aside-" + point);
        String season = moveLatestSeason(lake.resolve("bronze"), aside);
        try {
            assertTrue(buildAndKill(lake, point), () -> "the build ended before reaching " + point + ": " + ChildRun.log(lake));
            assertEachTableIsAsPublishedOrTheKilledBuildsVersion(published);

            CliRun next = CliRun.execute("build", "--lake", lake.toString());
            assertEquals(0, next.code(), next.out() + next.err());
            for (String table : TABLES) {
                assertTrue(LakeAssertions.mainSnapshot(lake, table) != published.get(table),
                        table + ": the build after the kill published the version without " + season + ", or the killed one had");
            }
        } finally {
            moveSeason(aside, lake.resolve("bronze"), season);
        }
        CliRun build = CliRun.execute("build", "--lake", lake.toString());
        assertEquals(0, build.code(), build.out() + build.err());
        assertGoldMatchesSeeds(lake, seeds);

        CliRun maintain = CliRun.execute("maintain", "--lake", lake.toString(), "--older-than", "0s");
        assertEquals(0, maintain.code(), maintain.out() + maintain.err());
        for (String table : TABLES) {
            Path folder = lake.resolve(table.replace('.', '/')).resolve("data");
            Set<Path> onDisk = LakeAssertions.files(folder).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(LakeAssertions.referencedDataFiles(lake, table), onDisk, table + ": every data file left is one a snapshot reads");
        }
        assertGoldMatchesSeeds(lake, seeds);
        assertNoPartialFiles(lake);
    }

    private static void assertEachTableIsAsPublishedOrTheKilledBuildsVersion(Map<String, Long> published) {
        for (String table : TABLES) {
            LakeAssertions.table(lake, table, loaded -> {
                Snapshot main = loaded.currentSnapshot();
                String run = main.summary().get(IcebergTables.RUN_ID);
                assertTrue(main.snapshotId() == published.get(table)
                        || loaded.refs().containsKey(IcebergTables.runTag(run)) && main.parentId() == published.get(table).longValue(),
                        table + ": main is the version published before the kill, or the killed build's fast-forward");
                return loaded.refs().get(SnapshotRef.MAIN_BRANCH);
            });
        }
    }

    /** Moves the latest season's folder of every bronze table to the same table's folder under {@code to}; returns it. */
    private static String moveLatestSeason(Path from, Path to) throws Exception {
        try (var seasons = Files.list(from.resolve("seasons"))) {
            String latest = seasons.map(folder -> folder.getFileName().toString()).max(String::compareTo).orElseThrow();
            moveSeason(from, to, latest);
            return latest;
        }
    }

    /** Moves a season's folder ({@code season=2024}) of every bronze table under {@code from} to the same table's under {@code to}. */
    private static void moveSeason(Path from, Path to, String season) throws Exception {
        try (var tables = Files.list(from)) {
            for (Path table : tables.filter(folder -> Files.isDirectory(folder.resolve(season))).toList()) {
                Path target = Files.createDirectories(to.resolve(table.getFileName()));
                Files.move(table.resolve(season), target.resolve(season));
            }
        }
    }

    /** Starts a build and kills it once it reaches the point; false when it finished first. */
    private static boolean buildAndKill(Path lake, KillPoint point) throws Exception {
        Set<String> before = files(lake);
        Process child = ChildRun.java(lake, List.of("io.mgp.pipeline.Main", "build", "--lake", lake.toString()));
        long deadline = System.nanoTime() + BUILD_LIMIT.toNanos();
        while (child.isAlive() && System.nanoTime() < deadline) {
            Set<String> added = files(lake);
            added.removeAll(before);
            if (point.reached.test(lake, added)) {
                child.destroyForcibly().waitFor();
                return true;
            }
            Thread.sleep(1);
        }
        assertTrue(!child.isAlive(), "the build neither reached " + point + " nor ended");
        return false;
    }

    private static Set<String> files(Path lake) {
        Set<String> files = new TreeSet<>();
        for (String layer : List.of("silver", "gold")) {
            try {
                if (Files.isDirectory(lake.resolve(layer))) {
                    LakeAssertions.files(lake.resolve(layer)).forEach(file -> files.add(file.toString()));
                }
            } catch (UncheckedIOException e) {
                // a file went away while the folder was listed: the next look sees the rest
            }
        }
        return files;
    }
}
