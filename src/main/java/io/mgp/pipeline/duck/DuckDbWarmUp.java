package io.mgp.pipeline.duck;

import java.sql.SQLException;

/**
 * DuckDB's JDBC driver loads its native library (71 MB; inflated out of its jar into a temporary file first, unless
 * the application's jar placed it beside itself) and registers itself on first use, and the JVM's scratch database
 * ({@link ScratchDatabase}) then takes some 60 ms to open: a few hundred milliseconds in all. Every command (they all
 * use DuckDB) begins both on a thread of its own while it reads its flags, its project and boots Camel; the JVM waits
 * for it before exiting, or a half-written copy of the library would be left behind.
 */
public final class DuckDbWarmUp {

    private static volatile Thread warmUp;

    private DuckDbWarmUp() {
    }

    public static synchronized void startInBackground() {
        if (warmUp == null) {
            warmUp = new Thread(DuckDbWarmUp::warmUp, "duckdb-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
    }

    /** Waits for a warm-up begun by {@link #startInBackground()}, if any. */
    public static void awaitDone() throws InterruptedException {
        Thread started = warmUp;
        if (started != null) {
            started.join();
        }
    }

    /** Whoever needs the driver's classes or the database first waits for them. */
    private static void warmUp() {
        try {
            Class.forName("org.duckdb.DuckDBNative", true, DuckDbWarmUp.class.getClassLoader());
            ScratchDatabase.database();
        } catch (ClassNotFoundException | LinkageError | SQLException e) {
            // the first real use of DuckDB reports the problem where it can say what failed
        }
    }
}
