package io.mgp.pipeline.spark;

import io.mgp.pipeline.engine.EngineSession;
import io.mgp.pipeline.lake.BronzeViews;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.LakeTables;
import io.mgp.pipeline.lake.Partitioning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.DataFrameWriterV2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A session of {@link SparkEngine}: names the models read are in Spark's own catalog: tables over the bronze parquet
 * (partitioned by season), and views over the lake's Iceberg tables ({@code mgp.silver.events}, or its audit branch
 * while a version is staged).
 */
final class SparkEngineSession implements EngineSession {

    private final SparkEngine engine;
    private final SparkSession spark;
    private final String catalog;
    private final LakeTables lakeTables;
    /** The views this session made, dropped when it closes: the engine's catalog outlives its sessions. */
    private final Set<String> views = new LinkedHashSet<>();
    /** The bronze tables this session made over the lake's files, dropped (never their files) when it closes. */
    private final Set<String> sources = new LinkedHashSet<>();

    SparkEngineSession(SparkEngine engine, SparkSession spark, String catalog, LakeTables lakeTables) {
        this.engine = engine;
        this.spark = spark;
        this.catalog = catalog;
        this.lakeTables = lakeTables;
    }

    /** Each bronze table as a table over its parquet files, or a view with no rows when the crawl wrote none. */
    void registerSources(Lake lake, Collection<String> sources) throws SQLException {
        for (String source : sources) {
            String id = "bronze." + source;
            Path files = BronzeViews.files(lake, source).orElse(null);
            if (files == null) {
                define(id, BronzeViews.columns(source), List.of());
            } else {
                register(id, files.toAbsolutePath().toUri().toString());
            }
        }
    }

    /**
     * A bronze table over its files, with the schema Spark infers from them once: a query naming the files themselves
     * ({@code parquet.`<folder>`}) merges every file's footer again, a Spark job each time it is planned. The table is
     * external (its location given), so dropping it leaves the files; its seasons are found as it is read.
     */
    private void register(String id, String location) throws SQLException {
        engine.call(() -> {
            StructType schema = spark.read().option("mergeSchema", "true").parquet(location).schema();
            database(id);
            spark.sql("DROP TABLE IF EXISTS " + id);
            spark.sql("CREATE TABLE " + id + " (" + schema.toDDL() + ") USING parquet PARTITIONED BY ("
                    + quoted(BronzeViews.PARTITION_COLUMN) + ") LOCATION '" + location.replace("'", "\\'") + "'");
            sources.add(id);
            return null;
        });
    }

    @Override
    public void define(String id, String select) throws SQLException {
        engine.call(() -> {
            database(id);
            spark.sql("CREATE OR REPLACE VIEW " + id + " AS " + select);
            views.add(id);
            return null;
        });
    }

    @Override
    public void define(String id, Map<String, String> columns, List<Map<String, Object>> rows) throws SQLException {
        List<String> typed = new ArrayList<>();
        columns.forEach((name, type) -> typed.add("CAST(" + quoted(name) + " AS " + SparkTypes.sparkName(type) + ") AS " + quoted(name)));
        String select;
        if (rows.isEmpty()) {
            List<String> nulls = new ArrayList<>();
            columns.forEach((name, type) -> nulls.add("CAST(NULL AS " + SparkTypes.sparkName(type) + ") AS " + quoted(name)));
            select = "SELECT " + String.join(", ", nulls) + " WHERE false";
        } else {
            StringJoiner values = new StringJoiner(", ");
            for (Map<String, Object> row : rows) {
                values.add(columns.keySet().stream().map(name -> literal(row.get(name))).collect(Collectors.joining(", ", "(", ")")));
            }
            select = "SELECT " + String.join(", ", typed) + " FROM VALUES " + values + " AS given("
                    + String.join(", ", columns.keySet().stream().map(SparkEngineSession::quoted).toList()) + ")";
        }
        define(id, select);
    }

    @Override
    public void readPublished(String id) throws SQLException {
        String[] name = id.split("\\.", 2);
        if (lakeTables.exists(name[0], name[1])) {
            define(id, "SELECT * FROM " + catalog + "." + id);
        } else {
            engine.call(() -> spark.sql("DROP VIEW IF EXISTS " + id));
        }
    }

    @Override
    public Map<String, String> columns(String select) throws SQLException {
        return engine.call(() -> {
            Map<String, String> columns = new LinkedHashMap<>();
            for (StructField field : spark.sql(select).schema().fields()) {
                columns.put(field.name(), SparkTypes.duckName(field.dataType()));
            }
            return columns;
        });
    }

    @Override
    public Map<Long, Long> countsByKey(String query) throws SQLException {
        return engine.call(() -> {
            Map<Long, Long> counts = new HashMap<>();
            for (Row row : spark.sql(query).collectAsList()) {
                counts.put(((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue());
            }
            return counts;
        });
    }

    /** Spark writes a folder of part files: its one part is moved to {@code file}, as DuckDB would have written it. */
    @Override
    public void store(String query, long limit, Path file) throws SQLException {
        engine.call(() -> {
            Path folder = file.resolveSibling(file.getFileName() + ".spark");
            try {
                spark.sql("SELECT * FROM (" + query + ") AS failures LIMIT " + limit).coalesce(1).write().mode("overwrite")
                        .parquet(folder.toAbsolutePath().toUri().toString());
                try (Stream<Path> parts = Files.list(folder)) {
                    Path part = parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst()
                            .orElseThrow(() -> new IOException("Spark wrote no parquet file to " + folder));
                    Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                if (Files.exists(folder)) {
                    deleteFolder(folder);
                }
            }
            return null;
        });
    }

    @Override
    public List<String> rows(String query) throws SQLException {
        return engine.call(() -> {
            Dataset<Row> result = spark.sql(query);
            String[] names = result.columns();
            List<String> rows = new ArrayList<>();
            for (Row row : result.collectAsList()) {
                StringJoiner shown = new StringJoiner(", ", "{", "}");
                for (int i = 0; i < names.length; i++) {
                    shown.add(names[i] + ": " + row.get(i));
                }
                rows.add(shown.toString());
            }
            return rows;
        });
    }

    /**
     * The pipeline creates or evolves the table from the result's columns; Spark's Iceberg runtime then overwrites the
     * audit branch with the rows, with the run's snapshot properties, and the model's name reads the branch.
     */
    @Override
    public LakeTables.Staged stage(String layer, String name, String select, Map<String, String> columns, Partitioning partitioning)
            throws SQLException {
        LakeTables.Staged staged;
        try {
            staged = lakeTables.stage(layer, name, columns, partitioning, (branch, properties) -> {
                try {
                    engine.call(() -> {
                        DataFrameWriterV2<Row> write = spark.sql(select).writeTo(branchOf(layer + "." + name, branch));
                        properties.forEach((key, value) -> write.option("snapshot-property." + key, value));
                        write.overwrite(functions.lit(true));
                        return null;
                    });
                } catch (SQLException e) {
                    throw new WriteFailed(e);
                }
            });
        } catch (WriteFailed e) {
            throw e.failure;
        }
        try {
            define(layer + "." + name, "SELECT * FROM " + branchOf(layer + "." + name, staged.branch()));
        } catch (SQLException e) {
            // the version cannot be read for its audit: set aside, with the table's shape as published
            staged.discard();
            throw e;
        }
        return staged;
    }

    @Override
    public void publish(String layer, String name, LakeTables.Staged staged) throws SQLException {
        staged.publish();
        readPublished(layer + "." + name);
    }

    @Override
    public String discard(String layer, String name, LakeTables.Staged staged) throws SQLException {
        String where = staged.discard();
        readPublished(layer + "." + name);
        return where;
    }

    /** Drops the session's views; the Spark session is the engine's, for the command's next one. */
    @Override
    public void close() throws SQLException {
        engine.call(() -> {
            for (String view : views) {
                spark.sql("DROP VIEW IF EXISTS " + view);
            }
            for (String source : sources) {
                spark.sql("DROP TABLE IF EXISTS " + source);
            }
            return null;
        });
    }

    /** Spark's failure to write a version, carried through the table layer's commit to the session. */
    private static final class WriteFailed extends RuntimeException {
        private final SQLException failure;

        WriteFailed(SQLException failure) {
            super(failure.getMessage(), failure);
            this.failure = failure;
        }
    }

    /** The table's branch, as Spark's Iceberg catalog names it. */
    private String branchOf(String id, String branch) {
        return catalog + "." + id + ".`branch_" + branch + "`";
    }

    private void database(String id) {
        int dot = id.indexOf('.');
        if (dot > 0) {
            spark.sql("CREATE DATABASE IF NOT EXISTS " + id.substring(0, dot));
        }
    }

    private static String quoted(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    /** A value as Spark's string literal (backslash escapes), or NULL. */
    private static String literal(Object value) {
        return value == null ? "NULL" : "'" + String.valueOf(value).replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
