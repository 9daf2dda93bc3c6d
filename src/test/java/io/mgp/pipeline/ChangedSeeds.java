package io.mgp.pipeline;

import io.mgp.pipeline.duck.SqlResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Seeds as the source looks after it changed, written next to the original by the SQL of src/test/resources/sql/seeds. */
public final class ChangedSeeds {

    private static final List<String> TABLES = List.of("seasons", "events", "categories", "sessions", "classifications");

    private ChangedSeeds() {
    }

    /** The seeds plus a session 'extra-session' in the latest season, with two results, the first with these points. */
    public static Path withExtraSession(Path seeds, Path into, int points) throws Exception {
        copy(seeds, into, List.of("seasons", "events", "categories"));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            Map<String, String> files = files(seeds, into, points);
            sql.execute(SqlResource.load("sql/seeds/sessions-with-extra.sql", files));
            sql.execute(SqlResource.load("sql/seeds/classifications-with-extra.sql", files));
        }
        return into;
    }

    /**
     * Seeds that fail the data tests: the oldest season without a year, and an event of the latest season deleted,
     * which orphans the categories and sessions an earlier crawl fetched of it; plus a new session in the latest
     * season whose first result has these points (negative ones fail too).
     */
    public static Path withBadData(Path seeds, Path into, int points) throws Exception {
        withExtraSession(seeds, into, points);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            Map<String, String> files = files(seeds, into, points);
            sql.execute(SqlResource.load("sql/seeds/seasons-with-null-year.sql", files));
            sql.execute(SqlResource.load("sql/seeds/events-without-one.sql", files));
        }
        return into;
    }

    private static Map<String, String> files(Path seeds, Path into, int points) {
        Map<String, String> files = new HashMap<>();
        for (String table : TABLES) {
            files.put(table, SqlResource.literal(seeds.resolve(table + ".parquet")));
            files.put("new_" + table, SqlResource.literal(into.resolve(table + ".parquet")));
        }
        files.put("points", String.valueOf(points));
        return files;
    }

    private static void copy(Path seeds, Path into, List<String> tables) throws Exception {
        for (String table : tables) {
            Files.copy(seeds.resolve(table + ".parquet"), into.resolve(table + ".parquet"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
