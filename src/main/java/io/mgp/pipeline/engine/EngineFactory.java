package io.mgp.pipeline.engine;

import java.util.function.UnaryOperator;

/**
 * Makes an engine other than DuckDB, found with {@link java.util.ServiceLoader} in the engine's own jar
 * ({@code META-INF/services/io.mgp.pipeline.engine.EngineFactory}).
 */
public interface EngineFactory {

    /** The engine's name, as {@code --engine} gives it. */
    String name();

    /** The engine, configured by these settings ({@code mgp.spark.master}, {@code mgp.catalog.*}). */
    Engine create(UnaryOperator<String> settings);
}
