package io.mgp.pipeline.models;

import io.mgp.pipeline.lake.Partitioning;
import java.util.List;
import java.util.Set;

/**
 * A table of the lake the project declares: a bronze source the crawl writes, or a model built by its {@code SELECT}
 * from the tables it reads ({@code dependsOn}, found in its SQL).
 *
 * @param file     the file that declares it, for messages: the model's SQL, or the sources' YAML
 * @param contract whether the declared columns and types are enforced on the model's result
 * @param partitioning how the model's table is partitioned and rewritten ({@link Partitioning#NONE} for a source)
 */
public record Node(String layer, String name, Kind kind, String description, List<Column> columns, boolean contract,
                   Partitioning partitioning, String sql, Set<String> dependsOn, String file) {

    public enum Kind { SOURCE, MODEL }

    /** {@code layer.name}, as SQL reads it: {@code bronze.events}, {@code silver.events}. */
    public String id() {
        return layer + "." + name;
    }

    public boolean isModel() {
        return kind == Kind.MODEL;
    }
}
