package io.mgp.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.TestPostgres;
import io.mgp.pipeline.TestSeeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands with the lake's catalog on PostgreSQL, configured as a user would: {@code -Dmgp.catalog.uri=…}. */
class PostgresCatalogTest {

    @TempDir
    Path lake;

    private final String catalogName = TestPostgres.newCatalogName();
    private boolean configured;

    @BeforeEach
    void configureCatalog() {
        TestPostgres.assumeReachable();
        configured = true;
        System.setProperty("mgp.catalog.uri", TestPostgres.URL);
        System.setProperty("mgp.catalog.name", catalogName);
    }

    @AfterEach
    void dropCatalog() throws SQLException {
        if (!configured) {
            return;
        }
        System.clearProperty("mgp.catalog.uri");
        System.clearProperty("mgp.catalog.name");
        TestPostgres.drop(catalogName);
    }

    @Test
    void aRunPublishesToTheServersCatalogWhichHistoryAndQueryRead() {
        CliRun run = CliRun.execute("run", "--seeds", TestSeeds.small().toString(), "--lake", lake.toString(), "--port", "0", "-q");
        assertEquals(0, run.code(), run.err());
        assertFalse(Files.exists(lake.resolve("catalog.db")), "no SQLite catalog in the lake");

        CliRun history = CliRun.execute("history", "gold.mgp", "--lake", lake.toString());
        assertEquals(0, history.code(), history.err());
        assertTrue(history.out().lines().skip(1).findFirst().orElseThrow().matches(".*  (\\S+) +overwrite .*  main, run-\\1"), history.out());

        CliRun query = CliRun.execute("query", "SELECT count(*) AS n FROM gold.mgp", "--lake", lake.toString(), "--format", "csv");
        assertEquals(0, query.code(), query.err());
        assertTrue(Long.parseLong(query.out().lines().skip(1).findFirst().orElseThrow()) > 0, query.out());
    }
}
