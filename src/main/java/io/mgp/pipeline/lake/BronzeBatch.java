package io.mgp.pipeline.lake;

import io.mgp.pipeline.state.StateDb;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The pages of one bronze table gathered until they are worth a parquet write. Each page goes into a temporary table
 * of the state database through the Appender as it arrives, so a batch waits in DuckDB's memory rather than on the
 * heap, where the garbage collector would copy it again and again until it is written.
 */
public final class BronzeBatch implements AutoCloseable {

    private static final DateTimeFormatter BATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS");

    private final String table;
    private final String id;
    private final String pages;
    private final DuckDBConnection connection;
    private final List<String> columns;
    private DuckDBAppender appender;
    /** The Appender's own lock: pages come from every crawl thread (one at a time), the seal from the writer's. */
    private final Lock appending;
    private long size;
    /** Why a page could not be appended: the Appender is then mid-row, and the batch cannot be written whole. */
    private SQLException broken;

    private BronzeBatch(String table, String id, DuckDBConnection connection) throws SQLException {
        this.table = table;
        this.id = id;
        this.pages = "batch_" + id.replace('-', '_');
        this.connection = connection;
        try (Statement sql = connection.createStatement()) {
            BronzeAnswers.createPages(sql, pages);
            this.columns = BronzeAnswers.pageColumns(sql, pages);
        }
        this.appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, pages);
        this.appending = appender.unsafeBreakThreadConfinement();
    }

    /** A batch of the table's pages, on a connection of its own to the state database. */
    static BronzeBatch open(StateDb state, String table) throws SQLException {
        String id = LocalDateTime.now(ZoneOffset.UTC).format(BATCH_TIME) + "-" + UUID.randomUUID().toString().substring(0, 8);
        DuckDBConnection connection = state.getConnection();
        try {
            return new BronzeBatch(table, id, connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    public void add(BronzePage page) throws SQLException {
        appending.lock();
        try {
            appender.beginRow();
            for (String column : columns) {
                switch (column) {
                    case "_fetched_at" -> appender.append(page.fetchedAt());
                    case "_rows" -> appender.append(page.rows());
                    // the answer's text as received: DuckDB takes the UTF-8 bytes of a VARCHAR as they are
                    case "body" -> appender.append(page.body());
                    default -> {
                        Object value = page.value(column);
                        if (value == null) {
                            appender.appendNull();
                        } else {
                            appender.append(value.toString());
                        }
                    }
                }
            }
            appender.endRow();
            size += page.body().length;
        } catch (SQLException e) {
            broken = broken == null ? e : broken;
            throw e;
        } finally {
            appending.unlock();
        }
    }

    /**
     * Ends the appending: the pages table is then complete, ready to be copied out. Fails when a page could not be
     * appended, and flushes before closing, as the Appender's close would swallow a failed flush.
     */
    void seal() throws SQLException {
        appending.lock();
        try {
            if (broken != null) {
                throw new SQLException("a " + table + " answer could not be gathered: " + broken.getMessage(), broken);
            }
            if (appender != null) {
                appender.flush();
                appender.close();
                appender = null;
            }
        } finally {
            appending.unlock();
        }
    }

    public String table() {
        return table;
    }

    /** Unique to this batch; its files are named after it. */
    String id() {
        return id;
    }

    /** The temporary table holding the pages, on {@link #connection()}. */
    String pages() {
        return pages;
    }

    DuckDBConnection connection() {
        return connection;
    }

    /** The bytes of JSON gathered so far. */
    public long size() {
        return size;
    }

    /** Drops the pages with their connection (a temporary table lives as long as its connection). */
    @Override
    public void close() throws SQLException {
        appending.lock();
        try {
            if (appender != null) {
                appender.close();
                appender = null;
            }
        } finally {
            appending.unlock();
            connection.close();
        }
    }
}
