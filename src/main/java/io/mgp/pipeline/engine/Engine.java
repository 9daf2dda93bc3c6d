package io.mgp.pipeline.engine;

import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.LakeTables;
import java.sql.SQLException;
import java.util.List;

/**
 * Where the models' SQL and the data tests run: DuckDB in this JVM ({@link DuckDbEngine}, the default), or Apache Spark
 * ({@code io.mgp.pipeline.spark.SparkEngine}, in the {@code spark/} module, found at run time by {@link Engines}). An
 * engine reads the lake and writes the tables through {@link LakeTables}, so that both engines write the same Iceberg
 * tables with the same branches, tags and snapshot summaries.
 */
public interface Engine extends AutoCloseable {

    /** {@code duckdb} or {@code spark}, as {@code --engine} names it. */
    String name();

    /**
     * A session on the lake: each bronze source readable as {@code bronze.<name>}, each published table of
     * {@code tables} (named {@code layer.name}) by its name.
     */
    EngineSession open(Lake lake, LakeTables lakeTables, List<String> sources, List<String> tables) throws SQLException;

    /** A session with nothing in it, for a model's unit tests. */
    EngineSession scratch() throws SQLException;

    @Override
    void close();
}
