package io.mgp.pipeline.duck;

/**
 * DuckDB's JDBC driver inflates its native library (tens of MB) out of the jar into a temporary file and loads it
 * on first use, which takes a few hundred milliseconds. A command that will use DuckDB begins that on a thread of
 * its own while Camel boots; the JVM waits for it before exiting, or a half-written copy would be left behind.
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

    /** Initialising the driver's native class loads the library; whoever needs it first waits for it. */
    private static void load() {
        try {
            Class.forName("org.duckdb.DuckDBNative", true, NativeLibrary.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // the first real use of DuckDB reports the problem where it can say what failed
        }
    }
}
