package io.mgp.pipeline.api;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.duck.SqlResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The seed tables, read once through DuckDB at start and served from memory. */
public final class SeedStore {

    private static final Logger LOG = LoggerFactory.getLogger(SeedStore.class);

    /** Each part reads the whole file to keep its share: more parts than this would scan more than they save. */
    private static final int MAX_PARTS = 4;

    private final Map<SeedTable, JsonRows> tables = new EnumMap<>(SeedTable.class);

    /**
     * Checks the seeds (a missing file or column is named) and loads them, each table in as many parts as there are
     * cores (up to four), read in parallel (reading rows through JDBC is what takes the time).
     */
    public SeedStore(Path folder) {
        this(folder, Math.min(MAX_PARTS, Runtime.getRuntime().availableProcessors()));
    }

    SeedStore(Path folder, int parts) {
        long start = System.nanoTime();
        // One in-memory database, a connection to it per reader: a database of its own per part cost more CPU to
        // create and tear down than the small seeds take to read.
        try (DuckDBConnection database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement sql = database.createStatement()) {
                check(sql, folder);
            }
            read(database, folder, parts);
        } catch (SQLException e) {
            throw new PipelineException("cannot read seeds in " + folder + ": " + e.getMessage(), e);
        }
        LOG.info("Loaded seeds from {} in {} ms: {}", folder, (System.nanoTime() - start) / 1_000_000, this);
    }

    private void read(DuckDBConnection database, Path folder, int parts) {
        ExecutorService readers = Executors.newFixedThreadPool(parts, SeedStore::reader);
        try {
            Map<SeedTable, List<Future<JsonRows>>> reads = new EnumMap<>(SeedTable.class);
            for (SeedTable table : SeedTable.values()) {
                reads.put(table, IntStream.range(0, parts)
                        .mapToObj(part -> readers.submit(() -> load(database, folder.resolve(table.fileName()), table, part, parts)))
                        .toList());
            }
            for (Map.Entry<SeedTable, List<Future<JsonRows>>> read : reads.entrySet()) {
                List<JsonRows> loaded = new ArrayList<>();
                for (Future<JsonRows> part : read.getValue()) {
                    loaded.add(part.get());
                }
                tables.put(read.getKey(), JsonRows.union(loaded));
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException sql
                    ? new PipelineException("cannot read seeds in " + folder + ": " + sql.getMessage(), sql)
                    : new IllegalStateException("Cannot load the seeds in " + folder, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading the seeds", e);
        } finally {
            readers.shutdownNow();
        }
    }

    private static Thread reader(Runnable read) {
        Thread thread = new Thread(read, "seed-reader");
        thread.setDaemon(true);
        return thread;
    }

    /** Fails with a message naming the folder or seed file that is missing. */
    public static void requireFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new PipelineException("seeds folder not found: " + folder);
        }
        for (SeedTable table : SeedTable.values()) {
            Path file = folder.resolve(table.fileName());
            if (!Files.isRegularFile(file)) {
                throw new PipelineException("seeds file not found: " + file);
            }
        }
    }

    /** Fails with a message naming the problem when a seed file, or a column it needs, is missing or unreadable. */
    private static void check(Statement sql, Path folder) {
        requireFiles(folder);
        for (SeedTable table : SeedTable.values()) {
            Path file = folder.resolve(table.fileName());
            requireColumns(sql, SqlResource.literal(file.toAbsolutePath()), file, table);
        }
    }

    public byte[] rows(SeedTable table, List<String> keyValues) {
        return tables.get(table).render(JsonRows.key(keyValues));
    }

    public long rowCount(SeedTable table) {
        return tables.get(table).rowCount();
    }

    @Override
    public String toString() {
        StringBuilder counts = new StringBuilder();
        tables.forEach((table, rows) -> counts.append(counts.isEmpty() ? "" : ", ")
                .append(String.format("%,d ", rows.rowCount())).append(table.name().toLowerCase()));
        return counts.toString();
    }

    private static JsonRows load(DuckDBConnection database, Path file, SeedTable table, int part, int parts) throws SQLException {
        String rows = SqlResource.load(table.sqlResource(), Map.of("file", SqlResource.literal(file.toAbsolutePath())));
        // A table without key fields is one group, which goes whole to part 0.
        String key = table.keyFields().isEmpty() ? "0" : String.join(", ", table.keyFields());
        String query = SqlResource.load("sql/api/part.sql", Map.of("rows", rows, "key", key,
                "parts", String.valueOf(parts), "part", String.valueOf(part)));
        try (Connection duck = database.duplicate(); Statement sql = duck.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            return collect(rs, table);
        }
    }

    private static void requireColumns(Statement sql, String source, Path file, SeedTable table) {
        Set<String> present = new HashSet<>();
        try (ResultSet rs = sql.executeQuery(SqlResource.load("sql/api/describe.sql", Map.of("file", source)))) {
            while (rs.next()) {
                present.add(rs.getString("column_name"));
            }
        } catch (SQLException e) {
            throw new PipelineException("seeds file is not readable parquet: " + file + " (" + PipelineException.firstLine(e) + ")", e);
        }
        List<String> missing = table.requiredColumns().stream().filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new PipelineException("seeds file " + file + " lacks column(s) " + String.join(", ", missing));
        }
    }

    /** Reads the rows of a part query: its fields, then a flag per field for a value that repeats the previous row's. */
    private static JsonRows collect(ResultSet rs, SeedTable table) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int width = meta.getColumnCount() / 2;
        List<String> fields = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
            fields.add(meta.getColumnLabel(i));
        }
        JsonRows.Builder rows = new JsonRows.Builder(fields, table.keyFields());
        Object[] previous = new Object[width];
        while (rs.next()) {
            Object[] row = new Object[width];
            for (int i = 0; i < width; i++) {
                row[i] = rs.getBoolean(width + i + 1) ? previous[i] : rs.getObject(i + 1);
            }
            rows.add(row);
            previous = row;
        }
        return rows.build();
    }
}
