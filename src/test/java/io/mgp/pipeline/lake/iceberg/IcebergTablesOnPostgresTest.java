package io.mgp.pipeline.lake.iceberg;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mgp.pipeline.TestPostgres;
import java.nio.file.Files;
import java.sql.SQLException;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Every behaviour of the lake's tables, with the catalog on a real PostgreSQL server instead of the lake's SQLite file. */
class IcebergTablesOnPostgresTest extends IcebergTablesTest {

    private final String catalogName = TestPostgres.newCatalogName();
    private boolean reachable;

    @BeforeEach
    void needsPostgres() {
        TestPostgres.assumeReachable();
        reachable = true;
    }

    @AfterEach
    void dropCatalog() throws SQLException {
        if (!reachable) {
            return;
        }
        assertFalse(Files.exists(lake.catalogFile()), "no SQLite catalog in the lake");
        TestPostgres.drop(catalogName);
    }

    @Override
    JdbcCatalog catalog() {
        return LakeCatalog.open(lake, TestPostgres.catalogSettings(catalogName));
    }
}
