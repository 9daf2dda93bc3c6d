package io.mgp.pipeline.duck;

/**
 * DuckDB's JDBC driver loads its native library (71 MB; inflated out of its jar into a temporary file first, unless
 * the application's jar placed it beside itself) and registers itself on first use, which takes a few hundred
 * milliseconds. Every command (they all use DuckDB) begins that on a thread of its own while it reads its flags, its
 * project and boots Camel; the JVM waits for it before exiting, or a half-written copy would be left behind.
 */
public final class NativeLibrary {

    private static volatile Thread loader;

    private NativeLibrary() {
    }

    public static synchronized void loadInBackground() {
        if (loader == null) {
            loader = new Thread(NativeLibrary::load, "duckdb-native-loader");
            loader.setDaemon(true);
            loader.start();
        }
    }

    /** Waits for a load begun by {@link #loadInBackground()}, if any. */
    public static void awaitLoaded() throws InterruptedException {
        Thread started = loader;
        if (started != null) {
            started.join();
        }
    }

    /** Initialising the driver's classes loads the library; whoever needs them first waits for them. */
    private static void load() {
        try {
            Class.forName("org.duckdb.DuckDBNative", true, NativeLibrary.class.getClassLoader());
            // the driver alone: DriverManager would load every driver on the class path, and some log through SLF4J
            // while the main thread sets up logging
            Class.forName("org.duckdb.DuckDBDriver", true, NativeLibrary.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // the first real use of DuckDB reports the problem where it can say what failed
        }
    }
}
