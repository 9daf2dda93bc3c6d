package io.mgp.pipeline;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the catalog tests use: {@code MGP_TEST_POSTGRES_URL}, or the one {@code make postgres}
 * starts. Without one, those tests are skipped, and {@code make test} says so; with {@code MGP_REQUIRE_POSTGRES} set
 * (CI) they fail instead. Each test's catalog has a name of its own, and {@link #drop} removes its entries.
 */
public final class TestPostgres {

    public static final String URL = System.getenv().getOrDefault("MGP_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:55432/mgp?user=mgp");

    private TestPostgres() {
    }

    /** Skips the calling test when no server answers (fails it where one is required). */
    public static void assumeReachable() {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(URL)) {
            // reachable
        } catch (SQLException e) {
            String message = "no PostgreSQL at " + URL + " (" + e.getMessage() + "): 'make postgres' starts one";
            if (System.getenv("MGP_REQUIRE_POSTGRES") != null) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }

    /** A catalog name no other test uses. */
    public static String newCatalogName() {
        return "test_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The settings ({@code mgp.catalog.*}) of a catalog of that name on the server. */
    public static UnaryOperator<String> catalogSettings(String name) {
        Map<String, String> settings = Map.of("mgp.catalog.uri", URL, "mgp.catalog.name", name);
        return settings::get;
    }

    /** Removes the catalog's entries from the server (Iceberg's JDBC catalog keeps them in two tables). */
    public static void drop(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL)) {
            for (String table : new String[] {"iceberg_tables", "iceberg_namespace_properties"}) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE catalog_name = ?")) {
                    delete.setString(1, name);
                    delete.executeUpdate();
                }
            }
        }
    }
}
