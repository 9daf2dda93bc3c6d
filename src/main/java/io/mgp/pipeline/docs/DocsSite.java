package io.mgp.pipeline.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.duck.AtomicFiles;
import io.mgp.pipeline.duck.ScratchDatabase;
import io.mgp.pipeline.lake.BronzeViews;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.TableVersion;
import io.mgp.pipeline.models.BuildRecords;
import io.mgp.pipeline.models.Catalog;
import io.mgp.pipeline.models.Node;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The docs site of a lake: a static page that works from the file system and from a server, offline
 * ({@code index.html} with cytoscape from its webjar), with its data as JSON in dbt's manner ({@code manifest.json}:
 * nodes, edges, columns and their lineage; {@code catalog.json}: types and row counts; {@code run_results.json}: the
 * last result of each model and test), and the same data as {@code docs-data.js}, which a page opened from the file
 * system can load where it could not fetch JSON.
 */
public final class DocsSite {

    /** Where {@code serve} serves the site. */
    public static final String SERVED_AT = "/docs";
    /** The route files the flow before bronze is read from: the API's endpoints and the crawl. */
    public static final List<String> ROUTE_FILES = List.of("classpath:routes/api.yaml", "classpath:routes/crawl.yaml");
    /** The site's data as a script: what a page opened from the file system loads. */
    static final String DATA = "docs-data.js";
    static final String CYTOSCAPE = "META-INF/resources/webjars/cytoscape/3.33.1/dist/cytoscape.min.js";
    private static final List<String> ASSETS = List.of("index.html", "docs.css", "docs.js");
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /** What was written: the folder, and how many nodes and edges the graph has. */
    public record Written(Path folder, int nodes, int edges) {
    }

    private DocsSite() {
    }

    /** {@code <lake>/docs}: where the site goes unless told otherwise, and what {@code serve} serves at {@code /docs}. */
    public static Path folder(Path lake) {
        return lake.resolve("docs");
    }

    /** Writes the site of the lake's tables and the project's models into {@code out}, replacing each file whole. */
    public static Written write(Lake lake, Catalog catalog, Function<Node, List<TableVersion>> history, FlowRoutes flow, Path out) {
        try (Connection duck = ScratchDatabase.connect(); Statement sql = duck.createStatement()) {
            Map<String, List<String>> answerFields = new LinkedHashMap<>();
            for (FlowRoutes.Endpoint endpoint : flow.endpoints()) {
                answerFields.put(endpoint.path(), AnswerFields.of(duck, endpoint.answeredBy()));
            }
            Path runResultsFile = new BuildRecords(lake.root()).runResults();
            JsonNode runResults = Files.exists(runResultsFile) ? JSON.readTree(runResultsFile.toFile())
                    : JSON.createObjectNode().set("results", JSON.createArrayNode());
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("generated_at", Instant.now().toString());
            metadata.put("lake", lake.root().toAbsolutePath().normalize().toString());
            Map<String, Object> manifest = DocsManifest.of(new DocsInputs(catalog, flow, answerFields, lastResults(runResults),
                    history, bronzeRows(sql, lake, catalog), metadata, out));
            Files.createDirectories(out);
            for (String asset : ASSETS) {
                copy("docs/" + asset, out.resolve(asset));
            }
            copy(CYTOSCAPE, out.resolve("cytoscape.min.js"));
            Map<String, Object> catalogJson = Map.of("metadata", metadata, "nodes", typesAndRows(manifest));
            writeJson(out.resolve("manifest.json"), manifest);
            writeJson(out.resolve("catalog.json"), catalogJson);
            writeJson(out.resolve("run_results.json"), runResults);
            Map<String, Object> all = Map.of("manifest", manifest, "catalog", catalogJson, "run_results", runResults);
            write(out.resolve(DATA), "window.MGP_DOCS = " + JSON.writeValueAsString(all) + ";\n");
            return new Written(out, ((Map<?, ?>) manifest.get("nodes")).size(), ((List<?>) manifest.get("edges")).size());
        } catch (IOException e) {
            throw new PipelineException("cannot write the docs in " + out + ": " + PipelineException.reason(e), e);
        } catch (SQLException e) {
            throw new PipelineException("cannot read the lake " + lake + " for its docs: " + PipelineException.firstLine(e), e);
        }
    }

    /** Whether the site's page, script and style are this version's: a site written by an older jar is not. */
    static boolean assetsCurrent(Path site) {
        try {
            for (String asset : ASSETS) {
                Path written = site.resolve(asset);
                if (!Files.exists(written) || !Arrays.equals(Files.readAllBytes(written), resource("docs/" + asset))) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The last result of each model and test, by id. */
    private static Map<String, JsonNode> lastResults(JsonNode runResults) {
        Map<String, JsonNode> last = new LinkedHashMap<>();
        runResults.path("results").forEach(result -> last.put(result.path("unique_id").asText(), result));
        return last;
    }

    private static Map<String, Long> bronzeRows(Statement sql, Lake lake, Catalog catalog) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Node source : catalog.sources()) {
            rows.put(source.name(), BronzeViews.rows(sql, lake, source.name()));
        }
        return rows;
    }

    /** catalog.json's part: each table's columns with their types, and its rows. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> typesAndRows(Map<String, Object> manifest) {
        Map<String, Object> tables = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) manifest.get("nodes")).forEach((id, node) -> {
            if (node.containsKey("rows")) {
                Map<String, Object> table = new LinkedHashMap<>();
                table.put("rows", node.get("rows"));
                table.put("columns", ((List<Map<String, Object>>) node.get("columns")).stream()
                        .map(column -> Map.of("name", column.get("name"), "type", column.get("type"))).toList());
                tables.put(id, table);
            }
        });
        return tables;
    }

    private static void copy(String resource, Path target) throws IOException {
        Path temporary = AtomicFiles.temporaryFor(target);
        Files.write(temporary, resource(resource));
        AtomicFiles.publish(temporary, target);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(DocsSite.class.getClassLoader().getResourceAsStream(name), name)) {
            return in.readAllBytes();
        }
    }

    private static void writeJson(Path file, Object value) throws IOException {
        write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    }

    private static void write(Path file, String text) throws IOException {
        Path temporary = AtomicFiles.temporaryFor(file);
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        AtomicFiles.publish(temporary, file);
    }
}
