package io.mgp.pipeline.lineage;

import java.util.ArrayList;
import java.util.List;

/**
 * A column of a table a query reads, which a column of its result is computed from; {@code field} is the path inside
 * the column's value when only part of it is read (a field of a struct, or of the JSON the column holds, as in
 * {@code from_json(body, …).sname}), empty when the whole value is.
 */
public record UpstreamColumn(String table, String column, List<String> field) implements Comparable<UpstreamColumn> {

    public UpstreamColumn {
        field = List.copyOf(field);
    }

    public UpstreamColumn(String table, String column) {
        this(table, column, List.of());
    }

    /** The same column, down to a field of its value. */
    UpstreamColumn field(String name) {
        List<String> path = new ArrayList<>(field);
        path.add(name);
        return new UpstreamColumn(table, column, path);
    }

    /** {@code table.column}, then {@code .field} for each field of the path. */
    @Override
    public String toString() {
        return table + "." + column + (field.isEmpty() ? "" : "." + String.join(".", field));
    }

    @Override
    public int compareTo(UpstreamColumn other) {
        return toString().compareTo(other.toString());
    }
}
