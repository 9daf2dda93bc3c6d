package io.mgp.pipeline.spark;

import io.mgp.pipeline.engine.Engine;
import io.mgp.pipeline.engine.EngineSession;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.LakeTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.iceberg.spark.SparkCatalog;
import org.apache.spark.sql.SparkSession;

/**
 * Apache Spark as the engine of {@code build} and {@code run}: the models' SQL and the data tests run as Spark SQL, on
 * {@code local[*]} or a cluster ({@code mgp.spark.master}), and the models' versions are written by Spark's Iceberg
 * runtime into the lake's catalog, on the audit branch the pipeline publishes. The session starts at the first use
 * (a run whose bronze did not change never starts it); its own catalog ({@code spark_catalog}, in memory) holds the
 * names the models read ({@code bronze.events}, {@code silver.events}) as views over the bronze parquet and the
 * Iceberg tables.
 */
final class SparkEngine implements Engine {

    private final UnaryOperator<String> settings;
    private SparkSession spark;
    private Path warehouse;

    SparkEngine(UnaryOperator<String> settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public EngineSession open(Lake lake, LakeTables lakeTables, List<String> sources, List<String> tables) throws SQLException {
        return call(() -> {
            SparkSession session = session();
            LakeSession.catalogConfig(lake.root(), settings).forEach(session.conf()::set);
            SparkEngineSession opened = new SparkEngineSession(this, session, catalogName(), lakeTables);
            try {
                opened.registerSources(lake, sources);
                for (String table : tables) {
                    opened.readPublished(table);
                }
                return opened;
            } catch (SQLException | RuntimeException e) {
                opened.close();
                throw e;
            }
        });
    }

    @Override
    public EngineSession scratch() throws SQLException {
        return call(() -> new SparkEngineSession(this, session(), catalogName(), null));
    }

    /** The catalog's name in Spark: the one the pipeline committed the tables to. */
    private String catalogName() {
        String name = settings.apply("mgp.catalog.name");
        return name == null || name.isBlank() ? "mgp" : name;
    }

    private synchronized SparkSession session() throws IOException {
        if (spark == null) {
            if (warehouse == null) {
                warehouse = Files.createTempDirectory("mgp-spark-warehouse");
            }
            String master = settings.apply("mgp.spark.master");
            SparkSession.Builder builder = SparkSession.builder().appName("mgp-pipeline")
                    .master(master == null || master.isBlank() ? "local[*]" : master);
            LakeSession.sessionConfig(master).forEach(builder::config);
            // the names the models read are views in Spark's own catalog, kept in memory; a database there still
            // wants a folder
            builder.config("spark.sql.defaultCatalog", "spark_catalog").config("spark.sql.catalogImplementation", "in-memory")
                    .config("spark.sql.warehouse.dir", warehouse.toUri().toString())
                    .config("spark.sql.ansi.doubleQuotedIdentifiers", "true")
                    // the bronze tables' seasons are read from their folders as they are queried, not kept in the
                    // catalog, which would need them added one by one
                    .config("spark.sql.hive.manageFilesourcePartitions", "false")
                    // and listed by the driver: over 32 folders (the real data's 76 seasons) Spark lists them with a
                    // job each time a query is planned, which cost a real-data build 10% of its time
                    .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "1024");
            if (master != null && master.startsWith("spark://")) {
                builder.config("spark.jars", icebergRuntimeJar());
            }
            System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("spark."))
                    .forEach(key -> builder.config(key, System.getProperty(key)));
            spark = builder.getOrCreate();
        }
        return spark;
    }

    /**
     * Runs Spark's work with this engine's class loader as the thread's: Spark loads its classes (the Iceberg catalog,
     * the executors' tasks) through it. Every failure becomes an {@link SQLException} whose first line says what is
     * wrong, as DuckDB's do.
     */
    <T> T call(Callable<T> work) throws SQLException {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(SparkEngine.class.getClassLoader());
        try {
            return work.call();
        } catch (SQLException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            // a LinkageError too: a class Spark needs that this jar's lib/ lacks, said in one line
            throw new SQLException(message(e), e);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** Spark's message without the query plan it appends. */
    private static String message(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.lines().filter(line -> !line.isBlank()).findFirst().map(String::strip)
                .orElse(e.getClass().getSimpleName()).replaceAll("\\s*SQLSTATE: \\w+", "");
    }

    /**
     * Stops the session, if it started. The engine's class loader stays open: Spark's shutdown hooks load classes from
     * it as the JVM exits.
     */
    @Override
    public synchronized void close() {
        if (spark != null) {
            try {
                call(() -> {
                    spark.stop();
                    return null;
                });
            } catch (SQLException e) {
                // stopping: nothing left to read
            }
            spark = null;
        }
        if (warehouse != null) {
            deleteTree(warehouse);
            warehouse = null;
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar of Spark's Iceberg runtime, which a cluster's executors need to write the tables. */
    static String icebergRuntimeJar() {
        try {
            return Path.of(SparkCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate Iceberg's Spark runtime: " + e.getMessage(), e);
        }
    }
}
