package io.mgp.pipeline.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.models.Catalog;
import io.mgp.pipeline.models.CatalogLoader;
import io.mgp.pipeline.models.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docs site of a lake nothing was crawled into yet: the project and the routes alone. */
class DocsSiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path lake;

    private static DocsSite.Written written;
    private static JsonNode nodes;

    @BeforeAll
    static void write() throws IOException {
        Catalog catalog = CatalogLoader.load(ProjectFiles.builtIn());
        written = DocsSite.write(new Lake(lake.toString()), catalog, node -> List.of(), FlowRoutes.load(DocsSite.ROUTE_FILES),
                DocsSite.folder(lake));
        nodes = JSON.readTree(lake.resolve("docs/manifest.json").toFile()).path("nodes");
    }

    @Test
    void theSiteIsItsPageScriptsAndDataAsJsonAndAsAScript() throws IOException {
        for (String file : List.of("index.html", "docs.js", "docs.css", "cytoscape.min.js", "docs-data.js", "manifest.json",
                "catalog.json", "run_results.json")) {
            assertTrue(Files.size(lake.resolve("docs").resolve(file)) > 0, file);
        }
        String script = Files.readString(lake.resolve("docs/docs-data.js"));
        assertTrue(script.startsWith("window.MGP_DOCS = ") && script.endsWith(";\n"));
        JsonNode data = JSON.readTree(script.substring("window.MGP_DOCS = ".length(), script.length() - 2));
        assertEquals(nodes, data.path("manifest").path("nodes"), "the script holds the manifest");
        assertEquals(0, JSON.readTree(lake.resolve("docs/catalog.json").toFile()).path("nodes").path("bronze.events").path("rows").asLong());
    }

    @Test
    void everyEndpointRouteSourceAndModelIsANodeInTheColumnOfItsStage() {
        assertEquals(21, written.nodes());
        Map<String, Set<Integer>> columnsOfKind = new HashMap<>();
        nodes.forEach(node -> columnsOfKind.computeIfAbsent(node.path("kind").asText(), kind -> new TreeSet<>())
                .add(node.path("position").path("x").asInt()));
        assertEquals(Map.of("endpoint", Set.of(0), "route", Set.of(240), "source", Set.of(480), "model", Set.of(720, 960)), columnsOfKind,
                "API, crawl, bronze, silver, gold from left to right");
        assertEquals(20, written.edges(), "5 endpoint→route, 5 route→bronze, 5 bronze→silver, 5 silver→gold");
        assertEquals("[\"name\",\"sname\",\"short_name\",\"id\",\"season_id\"]", names(nodes.path("api:/events").path("columns")),
                "the fields of the API's answers, from its SQL");
    }

    @Test
    void everyColumnsLineageNamesAColumnOfANodeOfTheSite() {
        nodes.forEach(node -> node.path("columns").forEach(column -> column.path("upstream").forEach(upstream -> {
            String[] parts = upstream.asText().split(DocsManifest.SEPARATOR);
            assertTrue(names(nodes.path(parts[0]).path("columns")).contains("\"" + parts[1] + "\""),
                    node.path("id").asText() + "." + column.path("name").asText() + " reads " + upstream.asText());
        })));
    }

    @Test
    void aGoldColumnGoesBackThroughSilverAndBronzeToTheFieldsOfTheAnswersItCameFrom() {
        assertEquals("[\"silver.events::sname\"]", upstream("gold.mgp", "event_short_name"));
        assertEquals("[\"bronze.events::short_name\",\"bronze.events::sname\"]", upstream("silver.events", "sname"));
        assertEquals("[\"api:/events::sname\"]", upstream("bronze.events", "sname"));
        assertEquals("[\"crawl:crawl-season::_fetched_at\"]", upstream("bronze.events", "_fetched_at"),
                "what is not in the answer comes from the crawl route that fetched it");
    }

    private static String upstream(String node, String column) {
        for (JsonNode entry : nodes.path(node).path("columns")) {
            if (entry.path("name").asText().equals(column)) {
                return entry.path("upstream").toString();
            }
        }
        throw new AssertionError("no column " + column + " in " + node);
    }

    private static String names(JsonNode columns) {
        List<String> names = new ArrayList<>();
        columns.forEach(column -> names.add(column.path("name").asText()));
        return JSON.valueToTree(names).toString();
    }
}
