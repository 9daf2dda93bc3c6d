package io.mgp.pipeline.lake.iceberg;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.lake.Lake;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.SystemConfigs;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * The lake's Iceberg catalog: Iceberg's JDBC catalog, by default on an SQLite file in the lake ({@code catalog.db}),
 * which several processes can commit to at once; with {@code mgp.catalog.uri} on another database Iceberg's JDBC
 * catalog supports whose JDBC driver is on the class path ({@code mgp.catalog.jdbc.user}, {@code mgp.catalog.jdbc.password}).
 * The tables live under the lake's folder: {@code <lake>/<layer>/<table>/} holds a table's data and metadata.
 */
public final class LakeCatalog {

    /** The name engines give the catalog: Spark's catalog must be named the same to find the tables. */
    public static final String DEFAULT_NAME = "mgp";

    private static final int OPEN_ATTEMPTS = 3;

    private LakeCatalog() {
    }

    /** Opens the catalog of a lake, with the {@code mgp.catalog.*} settings. */
    public static JdbcCatalog open(Lake lake, UnaryOperator<String> setting) {
        // A table's files are planned on the calling thread: Iceberg's worker pool polls for its results every 10 ms,
        // which cost a build of the six models 0.3 s. A -D given by the user wins.
        String planInPool = SystemConfigs.SCAN_THREAD_POOL_ENABLED.propertyKey();
        if (System.getProperty(planInPool) == null) {
            System.setProperty(planInPool, "false");
        }
        Map<String, String> properties = new HashMap<>();
        String uri = setting.apply("mgp.catalog.uri");
        if (uri == null || uri.isBlank()) {
            properties.put(CatalogProperties.URI, "jdbc:sqlite:" + lake.catalogFile());
            // SQLite's write-ahead log: a commit is one append, and readers do not wait for writers; a process that
            // dies loses nothing committed (only a power cut could lose the last commits)
            properties.put("jdbc.journal_mode", "WAL");
            properties.put("jdbc.synchronous", "NORMAL");
        } else {
            properties.put(CatalogProperties.URI, uri);
        }
        properties.put(CatalogProperties.WAREHOUSE_LOCATION, lake.root().toString());
        properties.put(CatalogProperties.FILE_IO_IMPL, LocalFileIO.class.getName());
        // the catalog's current schema (with views); without it, Iceberg warns at every start
        properties.put("jdbc.schema-version", "V1");
        for (String key : new String[] {"jdbc.user", "jdbc.password"}) {
            String value = setting.apply("mgp.catalog." + key);
            if (value != null && !value.isBlank()) {
                properties.put(key, value);
            }
        }
        String name = setting.apply("mgp.catalog.name");
        String catalogName = name == null || name.isBlank() ? DEFAULT_NAME : name;
        // Processes that open a new catalog at once race to create its tables and add their V1 column: the loser's
        // statement fails ("duplicate column"), and on a second look it finds them there. A wrong setting fails the
        // same way each time, 60 ms later.
        for (int attempt = 1; ; attempt++) {
            try {
                return initialized(catalogName, properties);
            } catch (RuntimeException e) {
                if (attempt == OPEN_ATTEMPTS) {
                    // the URI is not repeated: it may hold a password
                    throw new PipelineException("cannot open the lake's catalog (" + (uri == null || uri.isBlank() ? lake.catalogFile() : "mgp.catalog.uri")
                            + "): " + PipelineException.firstLine(e), e);
                }
                pause(attempt);
            }
        }
    }

    private static JdbcCatalog initialized(String name, Map<String, String> properties) {
        JdbcCatalog catalog = new JdbcCatalog();
        try {
            catalog.initialize(name, properties);
            return catalog;
        } catch (RuntimeException e) {
            try {
                catalog.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException("interrupted while opening the lake's catalog", e);
        }
    }
}
