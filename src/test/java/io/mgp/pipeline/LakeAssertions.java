package io.mgp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.duck.SqlResource;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.iceberg.IcebergTables;
import io.mgp.pipeline.lake.iceberg.LakeCatalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/** Checks on a lake a run wrote, computed with DuckDB on the files themselves. */
public final class LakeAssertions {

    private LakeAssertions() {
    }

    /** Gold equals, as a multiset, the join computed directly on the seed files. */
    public static void assertGoldMatchesSeeds(Path lake, Path seeds) throws SQLException {
        Path exported = lake.resolve("gold/mgp.parquet");
        assertGoldFileMatchesSeeds(exported, seeds);
        assertEquals(parquetRows(exported), tableCount(lake, "SELECT count(*) FROM gold.mgp", "gold.mgp"),
                "the exported gold is the Iceberg table's");
    }

    /** A parquet file of gold's rows equals, as a multiset, the join computed directly on the seed files. */
    public static void assertGoldFileMatchesSeeds(Path goldFile, Path seeds) throws SQLException {
        String expected = SqlResource.load("sql/gold-from-seeds.sql",
                Map.of("seeds", SqlResource.literal(seeds.toAbsolutePath())));
        String gold = "SELECT * FROM read_parquet(" + SqlResource.literal(goldFile) + ")";
        assertEquals(count("SELECT count(*) FROM (" + expected + ")"), count("SELECT count(*) FROM (" + gold + ")"),
                "gold rows");
        assertEquals(0, count("SELECT count(*) FROM ((" + expected + ") EXCEPT ALL (" + gold + "))"), "rows missing from gold");
        assertEquals(0, count("SELECT count(*) FROM ((" + gold + ") EXCEPT ALL (" + expected + "))"), "rows gold should not have");
    }

    /** A count over the published versions of the lake's Iceberg tables named, each readable by its name (silver.events). */
    public static long tableCount(Path lake, String sql, String... tables) throws SQLException {
        Lake opened = new Lake(lake.toString());
        try (IcebergTables iceberg = new IcebergTables(opened, "check", false, () -> LakeCatalog.open(opened, key -> null));
             Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement()) {
            for (String table : tables) {
                String[] name = table.split("\\.");
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + name[0]);
                assertTrue(iceberg.register(statement, name[0], name[1]), table + " is published");
            }
            try (ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The rows of a published Iceberg table, such as silver.events. */
    public static long tableRows(Path lake, String table) throws SQLException {
        return tableCount(lake, "SELECT count(*) FROM " + table, table);
    }

    /** The snapshot the table's main branch points at: the same id means the same published version. */
    public static long mainSnapshot(Path lake, String table) {
        return inCatalog(lake, catalog -> catalog.loadTable(TableIdentifier.parse(table)).currentSnapshot().snapshotId());
    }

    /** The names of the table's branches and tags. */
    public static java.util.Set<String> refs(Path lake, String table) {
        return inCatalog(lake, catalog -> catalog.loadTable(TableIdentifier.parse(table)).refs().keySet());
    }

    /** The data files of the table's published version. */
    public static java.util.Set<String> dataFiles(Path lake, String table) {
        return inCatalog(lake, catalog -> {
            org.apache.iceberg.Table loaded = catalog.loadTable(TableIdentifier.parse(table));
            java.util.Set<String> files = new java.util.TreeSet<>();
            try (var tasks = loaded.newScan().planFiles()) {
                tasks.forEach(task -> files.add(task.file().location()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return files;
        });
    }

    /** The data files of every snapshot the table keeps, on any branch or tag: what its folder may hold. */
    public static java.util.Set<Path> referencedDataFiles(Path lake, String table) {
        return inCatalog(lake, catalog -> {
            org.apache.iceberg.Table loaded = catalog.loadTable(TableIdentifier.parse(table));
            java.util.Set<Path> files = new java.util.TreeSet<>();
            for (org.apache.iceberg.Snapshot snapshot : loaded.snapshots()) {
                try (var tasks = loaded.newScan().useSnapshot(snapshot.snapshotId()).planFiles()) {
                    tasks.forEach(task -> files.add(Path.of(task.file().location().replaceFirst("^file:", ""))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return files;
        });
    }

    /** What {@code read} finds in the table as the lake's catalog holds it now. */
    public static <T> T table(Path lake, String table, java.util.function.Function<org.apache.iceberg.Table, T> read) {
        return inCatalog(lake, catalog -> read.apply(catalog.loadTable(TableIdentifier.parse(table))));
    }

    private static <T> T inCatalog(Path lake, java.util.function.Function<JdbcCatalog, T> read) {
        JdbcCatalog catalog = LakeCatalog.open(new Lake(lake.toString()), key -> null);
        try (catalog) {
            return read.apply(catalog);
        }
    }

    public static long count(String sql) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A count from the lake's state database (lake/state/queue.duckdb), read once the run's application stopped. */
    public static long stateCount(Path lake, String sql) throws SQLException {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection state = DriverManager.getConnection("jdbc:duckdb:" + lake.resolve("state/queue.duckdb"), readOnly);
             Statement statement = state.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static long parquetRows(Path file) throws SQLException {
        return count("SELECT count(*) FROM read_parquet(" + SqlResource.literal(file) + ")");
    }

    /** No temporary or staging file is left anywhere in the lake. */
    public static void assertNoPartialFiles(Path lake) {
        List<Path> leftovers = files(lake).filter(f -> f.toString().endsWith(".tmp") || f.toString().contains(".staging"))
                .toList();
        assertTrue(leftovers.isEmpty(), "partial files left: " + leftovers);
    }

    public static Stream<Path> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
