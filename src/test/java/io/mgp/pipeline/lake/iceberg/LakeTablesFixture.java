package io.mgp.pipeline.lake.iceberg;

import io.mgp.pipeline.lake.Lake;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A lake in a temporary folder, its Iceberg tables, and a DuckDB session with the silver and gold schemas. */
abstract class LakeTablesFixture {

    @TempDir
    Path folder;

    Lake lake;
    Connection duck;
    Statement sql;

    @BeforeEach
    void openDuckDb() throws SQLException {
        lake = new Lake(folder.toString());
        duck = DriverManager.getConnection("jdbc:duckdb:");
        sql = duck.createStatement();
        sql.execute("CREATE SCHEMA silver");
        sql.execute("CREATE SCHEMA gold");
    }

    @AfterEach
    void closeDuckDb() throws SQLException {
        sql.close();
        duck.close();
    }

    /** The lake's catalog: its own SQLite file here; on PostgreSQL in {@link IcebergTablesOnPostgresTest}. */
    JdbcCatalog catalog() {
        return LakeCatalog.open(lake, key -> null);
    }

    IcebergTables tables(String runId) {
        return new IcebergTables(lake, runId, false, this::catalog);
    }

    /** The table as the catalog holds it now (its catalog closed: read it, do not commit to it). */
    Table table(String name) throws Exception {
        try (JdbcCatalog catalog = catalog()) {
            return catalog.loadTable(TableIdentifier.parse(name));
        }
    }

    long count(String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
