package io.mgp.pipeline.duck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScratchDatabaseTest {

    @Test
    void twoConnectionsMakingTheSameNamesEachReadTheirOwn() throws SQLException {
        try (Connection first = ScratchDatabase.connect(); Statement a = first.createStatement();
             Connection second = ScratchDatabase.connect(); Statement b = second.createStatement()) {
            a.execute("CREATE SCHEMA silver");
            a.execute("CREATE VIEW silver.events AS SELECT 1 AS id");
            b.execute("CREATE SCHEMA silver");
            b.execute("CREATE TABLE silver.events AS SELECT 2 AS id UNION ALL SELECT 3");

            assertEquals(1, single(a, "SELECT sum(id) FROM silver.events"));
            assertEquals(5, single(b, "SELECT sum(id) FROM silver.events"));
            assertNotEquals(text(a, "SELECT current_database()"), text(b, "SELECT current_database()"));
        }
    }

    @Test
    void aClosedConnectionsCatalogIsDetachedWithEverythingItMade() throws SQLException {
        String catalog;
        try (Connection used = ScratchDatabase.connect(); Statement sql = used.createStatement()) {
            sql.execute("CREATE TABLE kept AS SELECT range AS n FROM range(1000)");
            catalog = text(sql, "SELECT current_database()");
        }

        try (Connection other = ScratchDatabase.connect(); Statement sql = other.createStatement()) {
            assertEquals(0, single(sql, "SELECT count(*) FROM duckdb_databases() WHERE database_name = '" + catalog + "'"));
            assertEquals(0, single(sql, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'kept'"));
        }
    }

    @Test
    void aFailedDatabaseIsReplacedByTheNextConnect() throws SQLException {
        ScratchDatabase.database().close();

        try (Connection connection = ScratchDatabase.connect(); Statement sql = connection.createStatement()) {
            assertEquals(3, single(sql, "SELECT 1 + 2"));
        }
    }

    @Test
    void aConnectionEqualsOnlyItselfAndNamesItsCatalog() throws SQLException {
        try (Connection first = ScratchDatabase.connect(); Connection second = ScratchDatabase.connect();
             Statement sql = first.createStatement()) {
            assertEquals(first, first);
            assertNotEquals(first, second);
            assertEquals(Set.of(first, second).size(), 2);
            assertEquals("scratch connection " + text(sql, "SELECT current_database()"), first.toString());
        }
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String text(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}
