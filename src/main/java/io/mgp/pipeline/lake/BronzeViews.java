package io.mgp.pipeline.lake;

import io.mgp.pipeline.duck.ScratchDatabase;
import io.mgp.pipeline.duck.SelectColumns;
import io.mgp.pipeline.duck.SqlResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The bronze tables, readable as {@code bronze.<table>} in a DuckDB session: one view over every run's answers. */
public final class BronzeViews {

    /** The column a bronze table's files are partitioned by, hive-style: {@code <table>/season=<year>/}. */
    public static final String PARTITION_COLUMN = "season";
    /** An empty pages table, which gives a bronze table the crawl fetched nothing of its shape. */
    private static final String NO_PAGES = "no_pages";

    private BronzeViews() {
    }

    /** A view per bronze table over its parquet files, or an empty table of its shape when it has none. */
    public static void register(Statement sql, Lake lake, Collection<String> tables) throws SQLException {
        sql.execute(SqlResource.load("sql/lake/create-schema.sql", Map.of("schema", "bronze")));
        BronzeAnswers.createPages(sql, NO_PAGES);
        for (String table : tables) {
            Path folder = lake.bronze(table);
            if (hasParquet(folder)) {
                sql.execute(SqlResource.load("sql/lake/bronze-view.sql", Map.of(
                        "view", "bronze." + table,
                        "files", SqlResource.literal(folder.resolve(PARTITION_COLUMN + "=*").resolve("*.parquet")))));
            } else {
                sql.execute(SqlResource.load("sql/lake/bronze-empty.sql", Map.of(
                        "view", "bronze." + table, "rows", BronzeAnswers.rows(table, NO_PAGES).orElseThrow())));
            }
        }
    }

    /** A bronze table's rows, read from its files' footers: its view would read every file's schema first. */
    public static long rows(Statement sql, Lake lake, String table) throws SQLException {
        Path folder = lake.bronze(table);
        if (!hasParquet(folder)) {
            return 0;
        }
        try (ResultSet rows = sql.executeQuery(SqlResource.load("sql/lake/bronze-rows.sql",
                Map.of("files", SqlResource.literal(folder.resolve(PARTITION_COLUMN + "=*").resolve("*.parquet")))))) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The folder of a bronze table's parquet files, hive-partitioned by season; empty when the crawl wrote none. */
    public static Optional<Path> files(Lake lake, String table) {
        return Optional.of(lake.bronze(table)).filter(BronzeViews::hasParquet);
    }

    /** A bronze table's columns and their types (DuckDB's names), as its query declares them: for engines reading it. */
    public static Map<String, String> columns(String table) throws SQLException {
        try (Connection duck = ScratchDatabase.connect(); Statement sql = duck.createStatement()) {
            BronzeAnswers.createPages(sql, NO_PAGES);
            return SelectColumns.of(sql, BronzeAnswers.rows(table, NO_PAGES).orElseThrow());
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
