package io.mgp.pipeline.duck;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBConnection;

/**
 * In-memory DuckDB work (views over the lake's files, parsing SQL, a model's session, an export) on one database per
 * JVM, each connection in an empty in-memory catalog of its own: opening a database costs about 30 ms of CPU (DuckDB
 * builds its catalog of functions), a connection with an attached catalog about 3, and a run used to open five.
 * Names a connection creates ({@code silver.events}, {@code main.exported}) are its catalog's, out of every other's
 * sight; the catalog is detached when the connection closes.
 */
public final class ScratchDatabase {

    private static final AtomicLong CATALOGS = new AtomicLong();
    /** Opened on first use and never closed: it lives as long as the JVM. */
    private static DuckDBConnection database;

    private ScratchDatabase() {
    }

    /** A connection whose default catalog is a new, empty in-memory one. */
    public static Connection connect() throws SQLException {
        DuckDBConnection connection = database().duplicate();
        String catalog = "scratch_" + CATALOGS.incrementAndGet();
        try (Statement sql = connection.createStatement()) {
            sql.execute("ATTACH ':memory:' AS " + catalog);
            sql.execute("USE " + catalog);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return detachingOnClose(connection, catalog);
    }

    private static synchronized DuckDBConnection database() throws SQLException {
        if (database == null) {
            database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        }
        return database;
    }

    /** The connection, with a {@code close()} that first detaches its catalog (a proxy: Connection has 50 methods). */
    private static Connection detachingOnClose(DuckDBConnection connection, String catalog) {
        return (Connection) Proxy.newProxyInstance(ScratchDatabase.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0 && !connection.isClosed()) {
                        detach(connection, catalog);
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void detach(DuckDBConnection connection, String catalog) {
        try (Statement sql = connection.createStatement()) {
            sql.execute("USE memory");
            sql.execute("DETACH " + catalog);
        } catch (SQLException e) {
            // the connection is unusable: its catalog stays attached, empty of anything but what it made
        }
    }
}
