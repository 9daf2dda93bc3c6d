package io.mgp.pipeline.models;

/** A declared column of a model or source: its name, its type as DuckDB names it (VARCHAR, BIGINT) and what it holds. */
public record Column(String name, String dataType, String description) {
}
