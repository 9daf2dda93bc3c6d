package io.mgp.pipeline.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDbTest {

    @TempDir
    Path folder;

    @Test
    void aStateFileThatRequiredASeasonYearTakesTasksAndSeasonsWithoutOneOnceOpened() throws Exception {
        Path file = folder.resolve("queue.duckdb");
        try (Connection old = DriverManager.getConnection("jdbc:duckdb:" + file); Statement sql = old.createStatement()) {
            sql.execute("CREATE TABLE tasks (session_id VARCHAR PRIMARY KEY, season VARCHAR NOT NULL, season_id VARCHAR,"
                    + " event_id VARCHAR, category_id VARCHAR, status VARCHAR NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,"
                    + " last_error VARCHAR, run_id VARCHAR NOT NULL, added_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL)");
            sql.execute("INSERT INTO tasks VALUES ('s1', '2020', 'y1', 'e1', 'c1', 'done', 1, NULL, 'r1', now(), now())");
            sql.execute("CREATE TABLE discovered_seasons (season_id VARCHAR PRIMARY KEY, season VARCHAR NOT NULL,"
                    + " run_id VARCHAR NOT NULL, discovered_at TIMESTAMP NOT NULL)");
        }

        StateDb state = new StateDb(file);
        try {
            state.update("sql/state/season-discovered.sql", "y2", null, "r2");
            try (Connection connection = state.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("INSERT INTO tasks VALUES ('s2', NULL, 'y2', 'e2', 'c2', 'pending', 0, NULL, 'r2', now(), now())");
                assertEquals(List.of("s1 2020", "s2 null"), strings(sql, "SELECT session_id || ' ' || coalesce(season, 'null') FROM tasks ORDER BY 1"));
                assertEquals(List.of("y2 null"), strings(sql, "SELECT season_id || ' ' || coalesce(season, 'null') FROM discovered_seasons"));
            }
        } finally {
            state.stop();
        }
    }

    private static List<String> strings(Statement sql, String query) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
