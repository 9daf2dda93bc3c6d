package io.mgp.pipeline.lake;

import io.mgp.pipeline.duck.SqlResource;
import io.mgp.pipeline.run.RunReport;
import io.mgp.pipeline.state.StateDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the silver and gold layers from bronze, model after model in the order {@link LakeProject} declares,
 * each in one DuckDB session where earlier layers are readable by name ({@code bronze.events}, {@code silver.events}).
 */
public final class ModelRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRunner.class);

    /** An empty pages table, which gives a bronze table the crawl fetched nothing of its shape. */
    private static final String NO_PAGES = "no_pages";

    private final Lake lake;
    private final LakeProject project;
    private final ParquetTables tables;
    private final RunReport report;
    private final StateDb state;

    public ModelRunner(Lake lake, RunReport report, StateDb state) {
        this.lake = lake;
        this.project = LakeProject.load();
        this.tables = new ParquetTables(lake);
        this.report = report;
        this.state = state;
    }

    /** Whether bronze changed since silver and gold were last built in full, or a model's table is missing. */
    public boolean isStale() throws SQLException {
        return version("built") < version("bronze") || project.layers().entrySet().stream()
                .anyMatch(layer -> layer.getValue().stream().anyMatch(model -> !Files.exists(tables.file(layer.getKey(), model))));
    }

    /** Rebuilds every model, layer after layer, counting the rows of each in the run report. */
    public void build() throws SQLException {
        long bronze = version("bronze");
        buildModels();
        state.update("sql/state/built.sql", bronze);
    }

    /** Bronze holds nothing new: the report still gets the rows gold holds, as it was built before. */
    public void unchanged() throws SQLException {
        for (String model : project.layers().getOrDefault("gold", List.of())) {
            report.unchanged("gold", model, tables.rows("gold", model));
        }
    }

    private long version(String layer) throws SQLException {
        return ((Number) state.query("sql/state/versions.sql", layer).get(0)[0]).longValue();
    }

    private void buildModels() throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            registerBronze(sql);
            for (Map.Entry<String, List<String>> layer : project.layers().entrySet()) {
                sql.execute(SqlResource.load("sql/lake/create-schema.sql", Map.of("schema", layer.getKey())));
                for (String model : layer.getValue()) {
                    long rows = tables.write(sql, layer.getKey(), model, project.model(layer.getKey(), model));
                    report.rowsWritten(layer.getKey(), model, rows);
                    LOG.info("Model {}.{} built: {} rows", layer.getKey(), model, rows);
                }
            }
        }
    }

    /** A view per bronze table over this run's rows, or an empty table of its declared shape when nothing was fetched. */
    private void registerBronze(Statement sql) throws SQLException {
        sql.execute(SqlResource.load("sql/lake/create-schema.sql", Map.of("schema", "bronze")));
        sql.execute(SqlResource.load("sql/lake/bronze-pages.sql", Map.of("table", NO_PAGES)));
        for (String table : project.sources()) {
            Path folder = lake.bronze(table);
            if (hasParquet(folder)) {
                sql.execute(SqlResource.load("sql/lake/bronze-view.sql", Map.of(
                        "view", "bronze." + table,
                        "files", SqlResource.literal(folder.resolve("season=*").resolve("*.parquet")))));
            } else {
                sql.execute(SqlResource.load("sql/lake/bronze-empty.sql", Map.of(
                        "view", "bronze." + table, "rows", BronzeWriter.rows(table, NO_PAGES))));
            }
        }
    }

    private static boolean hasParquet(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder, 2)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
