package io.mgp.pipeline.cli;

import static io.mgp.pipeline.LakeAssertions.tableCount;
import static io.mgp.pipeline.LakeAssertions.tableRows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mgp.pipeline.TestProjects;
import io.mgp.pipeline.TestSeeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code build} and {@code test} on a lake an earlier run crawled: no API, no crawl. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelCommandTest {

    private Path lake;

    @TempDir
    Path temp;

    @BeforeAll
    void crawlOnce(@TempDir Path lake) {
        this.lake = lake;
        CliRun run = CliRun.execute("run", "--seeds", TestSeeds.small().toString(), "--lake", lake.toString(), "--port", "0", "-q");
        assertEquals(0, run.code(), run.err());
    }

    @Test
    void buildRebuildsEveryModelFromBronzeCommitsOnlyWhatChangedAndRecordsTheResults() throws Exception {
        CliRun build = CliRun.execute("build", "--lake", lake.toString());

        assertEquals(0, build.code(), build.err());
        assertTrue(build.out().matches("(?s)Build finished in [\\d.]+ s \\(JVM start included\\): models [\\d.]+ s, tests [\\d.]+ s,"
                + " publish [\\d.]+ s\n.*"), build.out());
        assertTrue(build.out().contains("  Models     6: built 6, not built 0"), build.out());
        assertTrue(build.out().contains("  Warn       not_null_silver_classifications_position: "), build.out());
        JsonNode results = new ObjectMapper().readTree(lake.resolve("target/run_results.json").toFile());
        assertEquals("build", results.path("metadata").path("command").asText());
        JsonNode gold = find(results.path("results"), "model.gold.mgp");
        assertEquals("success", gold.path("status").asText());
        assertEquals("unchanged", find(results.path("results"), "model.silver.seasons").path("message").asText(),
                "the run built it from the same bronze");
        assertEquals(tableRows(lake, "gold.mgp"), gold.path("rows").asLong());
        JsonNode manifest = new ObjectMapper().readTree(lake.resolve("target/manifest.json").toFile());
        assertEquals(List.of("model.silver.classifications", "model.silver.events", "model.silver.seasons",
                        "model.silver.sessions", "model.silver.categories").stream().sorted().toList(),
                new ObjectMapper().convertValue(manifest.path("nodes").path("model.gold.mgp").path("depends_on"), List.class));
        JsonNode shortName = manifest.path("nodes").path("model.gold.mgp").path("columns").get(2);
        assertEquals("event_short_name", shortName.path("name").asText());
        assertEquals(List.of("silver.events.sname"), new ObjectMapper().convertValue(shortName.path("lineage"), List.class));
    }

    @Test
    void testRunsOnlyTheSelectedTablesTestsOnThePublishedFilesAndWritesNothingElse() throws Exception {
        byte[] gold = Files.readAllBytes(lake.resolve("gold/mgp.parquet"));
        List<Path> earlierLogs = dataQualityLogs();

        CliRun test = CliRun.execute("test", "--lake", lake.toString(), "--select", "classifications");

        assertEquals(0, test.code(), test.err());
        assertArrayEquals(gold, Files.readAllBytes(lake.resolve("gold/mgp.parquet")));
        List<Path> newLogs = dataQualityLogs().stream().filter(f -> !earlierLogs.contains(f)).toList();
        assertEquals(1, newLogs.size(), newLogs.toString());
        Path log = newLogs.get(0);
        List<JsonNode> lines = Files.readAllLines(log).stream().map(ModelCommandTest::json).toList();
        assertEquals(8, lines.size(), "the 7 tests declared on silver.classifications and the singular test on it");
        assertTrue(lines.stream().allMatch(l -> l.path("model").asText().equals("silver.classifications")), lines.toString());
        JsonNode warned = lines.stream().filter(l -> l.path("status").asText().equals("warn")).findFirst().orElseThrow();
        assertEquals("not_null_silver_classifications_position", warned.path("test").asText());
        assertEquals(tableCount(lake, "SELECT count(*) FROM silver.classifications WHERE position IS NULL", "silver.classifications"),
                warned.path("failures").asLong());
        assertTrue(Files.exists(Path.of(warned.path("stored").asText())));
    }

    @Test
    void aProjectFolderReplacesTheBuiltInModels() throws Exception {
        Path project = TestProjects.builtInCopy(temp.resolve("project"));
        Files.writeString(project.resolve("tests/no_rider_scores_in_a_practice.sql"),
                "SELECT * FROM gold.mgp WHERE session LIKE 'FP%' AND points > 0");
        Files.writeString(project.resolve("tests/every_result_has_a_rider.sql"), "SELECT * FROM gold.mgp WHERE rider_name IS NOT NULL");
        byte[] gold = Files.readAllBytes(lake.resolve("gold/mgp.parquet"));

        CliRun build = CliRun.execute("build", "--lake", lake.toString(), "--project", project.toString(), "--select", "gold.mgp");

        assertEquals(1, build.code(), build.out());
        assertTrue(build.out().contains("  Error      every_result_has_a_rider: "), build.out());
        assertTrue(build.out().contains("  Not built  gold.mgp error: not published: 1 error test(s); its rows are those already published"),
                build.out());
        assertArrayEquals(gold, Files.readAllBytes(lake.resolve("gold/mgp.parquet")), "the failing build left gold as it was");
    }

    @Test
    void aLakeNoRunCrawledIsOneLineErrorAndIsNotCreated() {
        CliRun build = CliRun.execute("build", "--lake", temp.resolve("empty").toString());
        assertEquals(1, build.code());
        build.assertOneLineError("no crawl in " + temp.resolve("empty") + " yet");
        assertFalse(Files.exists(temp.resolve("empty")));
    }

    @Test
    void aProjectsMistakeIsSaidBeforeTheLakeIsLookedAt() throws Exception {
        Path notAProject = Files.createDirectories(temp.resolve("not-a-project"));

        for (Path lakeFolder : List.of(lake, temp.resolve("none"))) {
            CliRun build = CliRun.execute("build", "--lake", lakeFolder.toString(), "--project", notAProject.toString());
            // a project's mistake is a usage error
            assertEquals(2, build.code(), build.out());
            build.assertOneLineError("not a project folder");
        }
        assertFalse(Files.exists(temp.resolve("none")));
    }

    /** Run ids sort by the second they began in, so another test's build in the same second may sort after this one's. */
    private List<Path> dataQualityLogs() throws Exception {
        try (Stream<Path> logs = Files.walk(lake.resolve("logs"))) {
            return logs.filter(f -> f.getFileName().toString().equals("data-quality.ndjson")).toList();
        }
    }

    private static JsonNode find(JsonNode results, String id) {
        for (JsonNode result : results) {
            if (result.path("unique_id").asText().equals(id)) {
                return result;
            }
        }
        throw new AssertionError("no result for " + id);
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
