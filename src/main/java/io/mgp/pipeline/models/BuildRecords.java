package io.mgp.pipeline.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.duck.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What a build leaves for people and tools to read, in the lake:
 * {@code logs/<run id>/data-quality.ndjson} (one line per test), and, in dbt's manner, {@code target/manifest.json}
 * (the project: tables, columns, SQL, tests, what depends on what) and {@code target/run_results.json} (the last
 * result of every model and test, whichever command ran it last).
 */
public final class BuildRecords {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper LINES = new ObjectMapper();

    private final Path lake;

    public BuildRecords(Path lake) {
        this.lake = lake;
    }

    public Path manifest() {
        return lake.resolve("target").resolve("manifest.json");
    }

    public Path runResults() {
        return lake.resolve("target").resolve("run_results.json");
    }

    public static Path dataQualityLog(Path lake, String runId) {
        return lake.resolve("logs").resolve(runId).resolve("data-quality.ndjson");
    }

    /** Writes the three records of a build or test command. */
    public void write(Catalog catalog, BuildResult result, String runId, String command) {
        try {
            writeDataQuality(result, runId);
            write(manifest(), manifestOf(catalog, runId));
            write(runResults(), runResultsOf(catalog, result, runId, command));
        } catch (IOException e) {
            throw new PipelineException("cannot write the build's records in " + lake + ": " + PipelineException.reason(e), e);
        }
    }

    private void writeDataQuality(BuildResult result, String runId) throws IOException {
        if (result.tests().isEmpty()) {
            return;
        }
        StringJoiner lines = new StringJoiner("\n", "", "\n");
        for (TestResult test : result.tests()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("run_id", runId);
            line.put("test", test.test().name());
            line.put("model", test.test().node());
            line.put("column", test.test().column());
            line.put("severity", test.test().config().severity().toString());
            line.put("status", test.status().toString());
            line.put("failures", test.failures());
            line.put("stored", test.stored() == null ? null : test.stored().toString());
            line.put("duration_ms", test.duration().toMillis());
            lines.add(LINES.writeValueAsString(line));
        }
        Path file = dataQualityLog(lake, runId);
        Files.createDirectories(file.getParent());
        Files.writeString(file, lines.toString());
    }

    /** The columns a column is computed from, one step up ({@code silver.events.sname}); empty when not followed. */
    private static List<String> upstream(CatalogLineage.TableLineage lineage, String column) {
        return lineage.columns().getOrDefault(column, Collections.emptySortedSet()).stream().map(Object::toString).toList();
    }

    private static Map<String, Object> manifestOf(Catalog catalog, String runId) {
        Map<String, Object> nodes = new LinkedHashMap<>();
        Map<String, Object> sources = new LinkedHashMap<>();
        Map<String, CatalogLineage.TableLineage> lineage = catalog.lineage();
        for (Node node : catalog.nodes()) {
            CatalogLineage.TableLineage columnLineage = lineage.get(node.id());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("unique_id", uniqueId(node));
            entry.put("layer", node.layer());
            entry.put("name", node.name());
            entry.put("description", node.description());
            entry.put("original_file_path", node.file());
            List<Map<String, Object>> columns = new ArrayList<>();
            for (Column column : node.columns()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("name", column.name());
                c.put("data_type", column.dataType());
                c.put("description", column.description());
                c.put("lineage", upstream(columnLineage, column.name()));
                columns.add(c);
            }
            entry.put("columns", columns);
            entry.put("lineage_unresolved", columnLineage.unresolved());
            if (node.isModel()) {
                entry.put("contract_enforced", node.contract());
                entry.put("depends_on", node.dependsOn().stream().map(id -> uniqueId(catalog.node(id))).sorted().toList());
                entry.put("raw_code", node.sql());
                nodes.put(uniqueId(node), entry);
            } else {
                sources.put(uniqueId(node), entry);
            }
        }
        for (DataTest test : catalog.tests()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("unique_id", "test." + test.name());
            entry.put("name", test.name());
            entry.put("test_type", test.type());
            entry.put("attached_node", uniqueId(catalog.node(test.node())));
            entry.put("column_name", test.column());
            entry.put("depends_on", test.refs().stream().map(id -> uniqueId(catalog.node(id))).toList());
            entry.put("severity", test.config().severity().toString());
            entry.put("warn_if", test.config().warnIf().toString());
            entry.put("error_if", test.config().errorIf().toString());
            entry.put("where", test.config().where());
            entry.put("store_failures", test.config().storeFailures());
            entry.put("limit", test.config().limit());
            entry.put("original_file_path", test.file());
            entry.put("compiled_code", test.sql());
            nodes.put("test." + test.name(), entry);
        }
        List<Map<String, Object>> unitTests = new ArrayList<>();
        for (UnitTest unit : catalog.unitTests()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", unit.name());
            entry.put("model", uniqueId(catalog.node(unit.model())));
            entry.put("description", unit.description());
            entry.put("original_file_path", unit.file());
            unitTests.add(entry);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("metadata", Map.of("generated_at", Instant.now().toString(), "invocation_id", runId));
        manifest.put("nodes", nodes);
        manifest.put("sources", sources);
        manifest.put("unit_tests", unitTests);
        return manifest;
    }

    /** dbt's ids: {@code model.silver.events}, {@code source.bronze.events}. */
    static String uniqueId(Node node) {
        return (node.isModel() ? "model." : "source.") + node.id();
    }

    private Map<String, Object> runResultsOf(Catalog catalog, BuildResult result, String runId, String command) throws IOException {
        Map<String, Object> results = new LinkedHashMap<>(previousResults());
        // a model or test the project no longer declares (renamed, deleted, another --project's) has no last result
        Set<String> declared = new HashSet<>();
        catalog.models().forEach(model -> declared.add(uniqueId(model)));
        catalog.tests().forEach(test -> declared.add("test." + test.name()));
        results.keySet().retainAll(declared);
        for (ModelResult model : result.models()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("unique_id", uniqueId(model.model()));
            entry.put("status", model.status().toString());
            entry.put("rows", model.rows());
            entry.put("execution_time", model.duration().toNanos() / 1e9);
            entry.put("message", model.message());
            entry.put("compiled_code", model.model().sql());
            entry.put("invocation_id", runId);
            results.put(uniqueId(model.model()), entry);
        }
        for (TestResult test : result.tests()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("unique_id", "test." + test.test().name());
            entry.put("status", test.status().toString());
            entry.put("failures", test.failures());
            entry.put("stored", test.stored() == null ? null : test.stored().toString());
            entry.put("execution_time", test.duration().toNanos() / 1e9);
            entry.put("message", test.message());
            entry.put("compiled_code", test.test().sql());
            entry.put("invocation_id", runId);
            results.put("test." + test.test().name(), entry);
        }
        Map<String, Object> runResults = new LinkedHashMap<>();
        runResults.put("metadata", Map.of("generated_at", Instant.now().toString(), "invocation_id", runId, "command", command));
        runResults.put("elapsed_time", result.modelTime().plus(result.testTime()).plus(result.publishTime()).toNanos() / 1e9);
        runResults.put("results", new ArrayList<>(results.values()));
        return runResults;
    }

    /** The results an earlier command left, by id, so that each model and test keeps its last one. */
    private Map<String, Object> previousResults() throws IOException {
        Map<String, Object> previous = new LinkedHashMap<>();
        if (Files.exists(runResults())) {
            try {
                for (JsonNode entry : JSON.readTree(runResults().toFile()).path("results")) {
                    previous.put(entry.path("unique_id").asText(), JSON.convertValue(entry, Map.class));
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // a damaged record is replaced by this build's
            }
        }
        return previous;
    }

    private static void write(Path file, Object value) throws IOException {
        Path temporary = AtomicFiles.temporaryFor(file);
        JSON.writeValue(temporary.toFile(), value);
        AtomicFiles.publish(temporary, file);
    }
}
