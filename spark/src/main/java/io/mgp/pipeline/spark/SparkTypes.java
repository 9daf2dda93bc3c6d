package io.mgp.pipeline.spark;

import java.util.Locale;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;

/**
 * Spark's types under DuckDB's names, which the models' YAML declares and the lake's tables are mapped from, and back:
 * one declaration for both engines.
 */
final class SparkTypes {

    private SparkTypes() {
    }

    /** DuckDB's name of a Spark type ({@code STRING} is {@code VARCHAR}, {@code INT} is {@code INTEGER}). */
    static String duckName(DataType type) {
        if (type instanceof DecimalType decimal) {
            return "DECIMAL(" + decimal.precision() + ", " + decimal.scale() + ")";
        }
        return switch (type.sql()) {
            case "STRING" -> "VARCHAR";
            case "INT" -> "INTEGER";
            case "TIMESTAMP" -> "TIMESTAMP WITH TIME ZONE";
            case "TIMESTAMP_NTZ" -> "TIMESTAMP";
            case "BINARY" -> "BLOB";
            default -> type.sql();
        };
    }

    /** Spark's name of a DuckDB type. */
    static String sparkName(String duckType) {
        String type = duckType.toUpperCase(Locale.ROOT);
        return switch (type) {
            case "VARCHAR", "TEXT", "STRING" -> "STRING";
            case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" -> "TIMESTAMP";
            case "TIMESTAMP" -> "TIMESTAMP_NTZ";
            case "BLOB" -> "BINARY";
            case "UUID" -> "STRING";
            default -> type;
        };
    }
}
