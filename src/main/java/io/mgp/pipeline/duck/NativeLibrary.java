package io.mgp.pipeline.duck;

/**
 * DuckDB's JDBC driver inflates its native library (tens of MB) out of the jar and loads it on first use, which
 * takes a few hundred milliseconds. Every command uses DuckDB soon after start, so that is begun on a thread of
 * its own while the command line is read and Camel boots.
 */
public final class NativeLibrary {

    private NativeLibrary() {
    }

    public static void loadInBackground() {
        Thread loader = new Thread(NativeLibrary::load, "duckdb-native-loader");
        loader.setDaemon(true);
        loader.start();
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
