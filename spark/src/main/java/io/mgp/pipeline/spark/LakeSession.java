package io.mgp.pipeline.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark session on a lake the pipeline wrote: its Iceberg tables through the same JDBC catalog, under the same name
 * ({@code mgp} unless {@code mgp.catalog.name} says otherwise: Spark finds a table only in the catalog of the name it
 * was committed to), as the session's default catalog, so that {@code gold.mgp} names the table.
 */
public final class LakeSession {

    private LakeSession() {
    }

    /**
     * A setting as the pipeline resolves it: a {@code -D} system property, then the environment ({@code mgp.catalog.uri}
     * → {@code MGP_CATALOG_URI}).
     */
    public static String setting(String key) {
        String value = System.getProperty(key);
        return value != null ? value : System.getenv(key.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_"));
    }

    /** The Spark configuration that reads the lake's tables as the default catalog, with the {@code mgp.catalog.*} settings. */
    public static Map<String, String> config(Path lake, UnaryOperator<String> setting) {
        Map<String, String> config = new LinkedHashMap<>(catalogConfig(lake, setting));
        config.putAll(sessionConfig("local"));
        config.put("spark.sql.defaultCatalog", catalogName(setting));
        return config;
    }

    /** The lake's Iceberg catalog in Spark, under the name the pipeline commits to. */
    public static Map<String, String> catalogConfig(Path lake, UnaryOperator<String> setting) {
        Path root = lake.toAbsolutePath().normalize();
        String prefix = "spark.sql.catalog." + catalogName(setting);
        Map<String, String> config = new LinkedHashMap<>();
        config.put(prefix, "org.apache.iceberg.spark.SparkCatalog");
        config.put(prefix + ".catalog-impl", "org.apache.iceberg.jdbc.JdbcCatalog");
        config.put(prefix + ".uri", orElse(setting.apply("mgp.catalog.uri"), "jdbc:sqlite:" + root.resolve("catalog.db")));
        config.put(prefix + ".warehouse", root.toString());
        config.put(prefix + ".jdbc.schema-version", "V1");
        // every query reads the table as committed last, by the pipeline too (it publishes)
        config.put(prefix + ".cache-enabled", "false");
        for (String key : new String[] {"jdbc.user", "jdbc.password"}) {
            String value = setting.apply("mgp.catalog." + key);
            if (value != null && !value.isBlank()) {
                config.put(prefix + "." + key, value);
            }
        }
        return config;
    }

    /** A laptop's session: Iceberg's SQL extensions, no web UI, the driver on loopback, few shuffle partitions. */
    static Map<String, String> sessionConfig(String master) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions");
        config.put("spark.ui.enabled", "false");
        config.put("spark.driver.host", "127.0.0.1");
        config.put("spark.driver.bindAddress", "127.0.0.1");
        config.put("spark.sql.shuffle.partitions", "4");
        if (master == null || master.isBlank() || master.startsWith("local")) {
            // the executor is the driver's own thread pool: a heartbeat that a busy laptop delays past its 10 s default
            // only prints a stack trace
            config.put("spark.executor.heartbeatInterval", "60s");
        }
        return config;
    }

    private static String catalogName(UnaryOperator<String> setting) {
        return orElse(setting.apply("mgp.catalog.name"), "mgp");
    }

    /**
     * Opens a session on the lake; {@code master} is Spark's ({@code local[2]}, {@code spark://host:7077}). Any
     * {@code spark.*} system property is passed on and wins.
     */
    public static SparkSession open(Path lake, String master) {
        if (!Files.isDirectory(lake)) {
            throw new IllegalArgumentException("no lake at " + lake + ": run 'java -jar target/pipeline.jar run' first");
        }
        if (!Files.exists(lake.resolve("catalog.db")) && setting("mgp.catalog.uri") == null) {
            throw new IllegalArgumentException("no catalog in " + lake + " (catalog.db): its silver and gold have not been built yet");
        }
        SparkSession.Builder builder = SparkSession.builder().appName("mgp-pipeline").master(master);
        config(lake, LakeSession::setting).forEach(builder::config);
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("spark."))
                .forEach(key -> builder.config(key, System.getProperty(key)));
        return builder.getOrCreate();
    }

    private static String orElse(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
