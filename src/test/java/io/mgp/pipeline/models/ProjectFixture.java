package io.mgp.pipeline.models;

import io.mgp.pipeline.duck.SqlResource;
import io.mgp.pipeline.engine.DuckDbEngine;
import io.mgp.pipeline.engine.Engine;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.iceberg.IcebergTables;
import io.mgp.pipeline.lake.iceberg.LakeCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small project of its own in a temporary folder, with a lake whose bronze table {@code bronze.things} holds rows
 * the test chooses: what a test of the models package builds and tests.
 */
final class ProjectFixture {

    /** bronze.things: four rows as text, as the crawl writes them, one of them 40 days old. */
    static final String THINGS = """
            SELECT * FROM (VALUES ('a', '1', 'g1', now()::TIMESTAMP), ('b', '2', 'g1', now()::TIMESTAMP),
                                  ('c', NULL, 'g2', now()::TIMESTAMP - INTERVAL 40 DAY), ('d', '5', 'g3', now()::TIMESTAMP))
                AS things(id, n, grp, ts)""";

    private static final String SOURCES = """
            sources:
              - name: bronze
                tables:
                  - name: things
                    columns:
                      - { name: season, data_type: bigint }
                      - { name: id, data_type: varchar }
                      - { name: n, data_type: varchar }
                      - { name: grp, data_type: varchar }
                      - { name: ts, data_type: timestamp }
            """;

    private final Path project;
    private final Lake lake;
    private final Map<String, TestResult> tests = new LinkedHashMap<>();
    private final Map<String, ModelResult> models = new LinkedHashMap<>();
    private int runs;

    ProjectFixture(Path temp) {
        this.project = temp.resolve("project");
        this.lake = new Lake(temp.resolve("lake").toString());
        file("models/sources.yml", SOURCES);
        bronze(THINGS);
    }

    /** Writes a project file, such as {@code models/silver/things.sql}. */
    ProjectFixture file(String path, String text) {
        try {
            Path file = project.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces bronze.things with the rows of a query. */
    ProjectFixture bronze(String select) {
        Path file = lake.bronze("things").resolve("season=2024").resolve("part.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            Files.createDirectories(file.getParent());
            sql.execute("COPY (" + select + ") TO " + SqlResource.literal(file) + " (FORMAT parquet)");
            return this;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Catalog catalog() {
        return CatalogLoader.load(ProjectFiles.folder(project));
    }

    /** Builds the selection as a run of its own: {@code run-1}, then {@code run-2}, ... */
    BuildResult build(String selector) {
        return build(selector, new DuckDbEngine());
    }

    BuildResult build(String selector, Engine engine) {
        Catalog catalog = catalog();
        String runId = "run-" + ++runs;
        try (IcebergTables tables = tables(runId)) {
            return record(new ModelBuild(catalog, tables, lake, engine, runId, new BuildConsole()).build(catalog.select(selector)));
        }
    }

    BuildResult test(String selector) {
        Catalog catalog = catalog();
        String runId = "test-" + ++runs;
        try (IcebergTables tables = tables(runId)) {
            return record(new ModelBuild(catalog, tables, lake, new DuckDbEngine(), runId, new BuildConsole()).test(catalog.select(selector)));
        }
    }

    private BuildResult record(BuildResult result) {
        result.tests().forEach(t -> tests.put(t.test().name(), t));
        result.models().forEach(m -> models.put(m.model().id(), m));
        return result;
    }

    /** The last result of the named test. */
    TestResult result(String test) {
        TestResult result = tests.get(test);
        if (result == null) {
            throw new AssertionError("no test " + test + " ran; ran: " + tests.keySet());
        }
        return result;
    }

    ModelResult model(String id) {
        return models.get(id);
    }

    IcebergTables tables(String runId) {
        return new IcebergTables(lake, runId, false, () -> LakeCatalog.open(lake, key -> null));
    }

    /** Whether the table has a published version in the lake. */
    boolean isPublished(String layer, String name) {
        try (IcebergTables tables = tables("check")) {
            return tables.exists(layer, name);
        }
    }

    Path lake() {
        return lake.root();
    }
}
