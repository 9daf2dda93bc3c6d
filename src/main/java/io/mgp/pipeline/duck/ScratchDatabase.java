package io.mgp.pipeline.duck;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * In-memory DuckDB work (views over the lake's files, parsing SQL, a model's session, an export) on one database per
 * JVM, each connection with a new in-memory catalog of its own as its default: opening a database costs about 30 ms
 * of CPU (DuckDB builds its catalog of functions), a connection with an attached catalog about 3, and a run used to
 * open five. Unqualified names and schemas a connection creates ({@code silver.events}, {@code main.exported}) resolve
 * in its own catalog, so two connections can each make the same names; they are not hidden from the others
 * ({@code duckdb_tables()} lists every catalog's). The catalog is detached when the connection closes.
 */
public final class ScratchDatabase {

    private static final AtomicLong CATALOGS = new AtomicLong();
    /** Opened on first use and kept for the JVM's life, unless it fails (DuckDB invalidates a database after an internal error). */
    private static DuckDBConnection database;

    private ScratchDatabase() {
    }

    /** A connection whose default catalog is a new, empty in-memory one. */
    public static Connection connect() throws SQLException {
        DuckDBConnection base = database();
        try {
            return connect(base);
        } catch (SQLException failed) {
            discard(base);
            try {
                return connect(database());
            } catch (SQLException again) {
                again.addSuppressed(failed);
                throw again;
            }
        }
    }

    private static Connection connect(DuckDBConnection base) throws SQLException {
        DuckDBConnection connection = base.duplicate();
        String catalog = "scratch_" + CATALOGS.incrementAndGet();
        try (Statement sql = connection.createStatement()) {
            sql.execute("ATTACH ':memory:' AS " + catalog);
            sql.execute("USE " + catalog);
        } catch (SQLException e) {
            connection.close();
            detach(base, catalog);
            throw e;
        }
        return detachingOnClose(connection, base, catalog);
    }

    static synchronized DuckDBConnection database() throws SQLException {
        if (database == null) {
            // by the driver itself: DriverManager first loads every JDBC driver on the class path (about 0.1 s, left to
            // the threads that need it: the Iceberg catalog's, the seeds'), some of which log through SLF4J, and
            // DuckDbWarmUp opens this database while the main thread sets logging up
            database = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
        }
        return database;
    }

    /** Forgets a failed database; connections already made on it keep it alive until they close. */
    private static synchronized void discard(DuckDBConnection failed) {
        if (database == failed) {
            database = null;
            try {
                failed.close();
            } catch (SQLException ignored) {
                // it is being dropped for failing
            }
        }
    }

    /** The connection, detaching its catalog once closed or aborted (a proxy: Connection has 50 methods). */
    private static Connection detachingOnClose(DuckDBConnection connection, DuckDBConnection base, String catalog) {
        return (Connection) Proxy.newProxyInstance(ScratchDatabase.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "scratch connection " + catalog;
                    case "close", "abort" -> {
                        Object result = invoke(connection, method, args);
                        detach(base, catalog);
                        yield result;
                    }
                    default -> invoke(connection, method, args);
                });
    }

    private static Object invoke(DuckDBConnection connection, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** On the base connection, whose default catalog is never a scratch one; serialized, as threads share it. */
    private static synchronized void detach(DuckDBConnection base, String catalog) {
        try (Statement sql = base.createStatement()) {
            sql.execute("DETACH DATABASE IF EXISTS " + catalog);
        } catch (SQLException e) {
            // the base database failed or was discarded: its catalogs go with it
        }
    }
}
