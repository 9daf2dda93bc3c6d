package io.mgp.pipeline.lake;

import java.util.List;

/**
 * How a model's table is laid out and rewritten, from its YAML ({@code config: partition_by, materialized}): the
 * columns whose values partition it, and whether a build rewrites only the partitions whose rows changed
 * ({@code materialized: incremental}) or the whole table ({@code table}, the default).
 */
public record Partitioning(List<String> columns, boolean incremental) {

    /** One table, rewritten whole. */
    public static final Partitioning NONE = new Partitioning(List.of(), false);

    public Partitioning {
        columns = List.copyOf(columns);
        if (incremental && columns.isEmpty()) {
            throw new IllegalArgumentException("an incremental table needs partition columns");
        }
    }

    public boolean partitioned() {
        return !columns.isEmpty();
    }
}
