package io.mgp.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mgp.pipeline.LakeAssertions;
import io.mgp.pipeline.TestProjects;
import io.mgp.pipeline.TestSeeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path lake;

    @TempDir
    Path site;

    @Test
    void aRunWritesTheSiteWhenABuildLeftNewerResultsAndTheSiteShowsEachTablesVersionsRowsAndLastResults(@TempDir Path project) throws Exception {
        assertEquals(0, run().code());
        Path data = lake.resolve("docs/docs-data.js");
        FileTime first = Files.getLastModifiedTime(data);
        assertEquals(0, run().code());
        assertEquals(first, Files.getLastModifiedTime(data), "nothing new: the site stays");
        // a build that changes the table publishes a version of it
        CliRun build = CliRun.execute("build", "--lake", lake.toString(), "--project",
                TestProjects.withoutTheFirstSeason(project).toString(), "--select", "silver.seasons");
        assertEquals(0, build.code(), build.err());

        CliRun docs = CliRun.execute("docs", "--lake", lake.toString(), "--out", site.toString());

        assertEquals(0, docs.code(), docs.err());
        assertTrue(docs.out().matches("(?s)Docs of .* written in [\\d.]+ s \\(JVM start included\\): 21 nodes, 20 edges\n"
                + "  Open       " + site.resolve("index.html") + "\n"), docs.out());
        assertFalse(docs.out().contains("  Or "), "serve serves the lake's own site, not this one");
        JsonNode nodes = JSON.readTree(site.resolve("manifest.json").toFile()).path("nodes");
        JsonNode seasons = nodes.path("silver.seasons");
        assertEquals(2, seasons.path("history").size(), "the first run's version and the build's");
        assertTrue(seasons.path("history").path(0).path("refs").toString().contains("\"main\""), seasons.path("history").toString());
        assertEquals(seasons.path("history").path(0).path("run_id").asText(), seasons.path("last_build").path("invocation_id").asText(),
                "the last build of silver.seasons is the build command's");
        assertEquals("pass", nodes.path("gold.mgp").path("tests").path(0).path("status").asText());
        assertEquals(LakeAssertions.tableRows(lake, "gold.mgp"),
                JSON.readTree(site.resolve("catalog.json").toFile()).path("nodes").path("gold.mgp").path("rows").asLong());

        assertEquals(0, run().code());
        assertTrue(Files.getLastModifiedTime(data).compareTo(first) > 0, "the build's results are shown in the lake's own site");
    }

    @Test
    void aLakeWithoutTablesYetHasTheFlowAndNoVersions() throws Exception {
        CliRun docs = CliRun.execute("docs", "--lake", lake.toString());

        assertEquals(0, docs.code(), docs.err());
        JsonNode gold = JSON.readTree(lake.resolve("docs/manifest.json").toFile()).path("nodes").path("gold.mgp");
        assertEquals(0, gold.path("history").size());
        assertTrue(gold.path("rows").isNull(), gold.toString());
        assertFalse(Files.exists(lake.resolve("catalog.db")), "docs create no catalog");
    }

    @Test
    void anOutFolderThatIsAFileIsOneLineAndExitCode1() throws Exception {
        Path file = Files.writeString(site.resolve("taken"), "not a folder");

        CliRun docs = CliRun.execute("docs", "--lake", lake.toString(), "--out", file.toString());

        assertEquals(1, docs.code());
        docs.assertOneLineError("cannot write the docs in " + file);
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void docsOfNoLakeIsOneLineAndExitCode1() {
        CliRun docs = CliRun.execute("docs", "--lake", lake.resolve("nowhere").toString());

        assertEquals(1, docs.code());
        docs.assertOneLineError("no lake at " + lake.resolve("nowhere"));
    }

    private CliRun run() {
        return CliRun.execute("run", "--seeds", TestSeeds.small().toString(), "--lake", lake.toString(), "--port", "0", "-q");
    }
}
