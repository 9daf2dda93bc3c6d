package io.mgp.pipeline.lake.iceberg;

import io.mgp.pipeline.duck.SqlResource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;

/**
 * A model's rows written as data files of its table's next version: all of them, or, for an incremental model, only
 * those of the partitions whose rows changed, which DuckDB finds by comparing the new rows with the published ones;
 * nothing when no row changed.
 */
final class VersionWriter {

    /**
     * The files written, the rows of the published version they replace, and what changed for the user (null when
     * the whole table is rewritten).
     */
    record Written(List<DataFile> files, Expression replaced, String change) {

        /** Whether these files are the whole version, replacing every row. */
        boolean whole() {
            return replaced.op() == Expression.Operation.TRUE;
        }
    }

    private VersionWriter() {
    }

    /** The whole table. */
    static Written whole(Statement sql, Table table, String select, String runId) throws SQLException {
        return new Written(DataFileWriter.write(sql, table, select, runId), Expressions.alwaysTrue(), null);
    }

    /**
     * The whole table, unless its rows are the published version's files' (as a multiset): null then, and nothing is
     * written. A table rebuilt from the same sources (a {@code build} replaying the models) commits nothing.
     */
    static Written changedWhole(Statement sql, String id, Table table, String select, List<String> published, String runId)
            throws SQLException {
        String staged = staged(sql, id, select);
        try {
            if (bool(sql, SqlResource.load("sql/lake/iceberg/same-rows.sql", Map.of("staged", staged, "published", files(published),
                    "columns", columns(table))))) {
                return null;
            }
            return whole(sql, table, "SELECT * FROM " + staged, runId);
        } finally {
            sql.execute("DROP TABLE IF EXISTS " + staged);
        }
    }

    /**
     * The partitions whose rows differ from the published version's files (new, changed or gone); null when none does.
     */
    static Written changedPartitions(Statement sql, String id, Table table, String select, List<String> published, String runId)
            throws SQLException {
        String staged = staged(sql, id, select);
        String changed = "mgp_changed_" + id.replace('.', '_');
        List<String> keys = PartitionLayout.columns(table.spec(), table.schema());
        try {
            sql.execute("CREATE OR REPLACE TEMP TABLE " + changed + " AS " + SqlResource.load("sql/lake/iceberg/changed-partitions.sql", Map.of(
                    "staged", staged,
                    "published", files(published),
                    "partition_columns", list(keys, DataFileWriter::quoted),
                    "columns", columns(table),
                    "either_partition_columns", list(keys, key -> "coalesce(staged." + DataFileWriter.quoted(key) + ", published."
                            + DataFileWriter.quoted(key) + ") AS " + DataFileWriter.quoted(key)),
                    "same_partition", samePartition(keys, "staged", "published"))));
            List<List<Object>> partitions = partitions(sql, changed, keys.size());
            if (partitions.isEmpty()) {
                return null;
            }
            long all = count(sql, "SELECT count(*) FROM (SELECT DISTINCT " + list(keys, DataFileWriter::quoted) + " FROM " + staged + ")");
            List<DataFile> files = DataFileWriter.write(sql, table, SqlResource.load("sql/lake/iceberg/changed-rows.sql",
                    Map.of("staged", staged, "changed", changed, "same_partition", samePartition(keys, "s", "c"))), runId);
            return new Written(files, PartitionLayout.rowsOf(keys, partitions), partitions.size() + " of " + all + " partitions");
        } finally {
            sql.execute("DROP TABLE IF EXISTS " + changed);
            sql.execute("DROP TABLE IF EXISTS " + staged);
        }
    }

    /** The model's rows, in a temporary table of the session. */
    private static String staged(Statement sql, String id, String select) throws SQLException {
        String staged = "mgp_staged_" + id.replace('.', '_');
        sql.execute("CREATE OR REPLACE TEMP TABLE " + staged + " AS " + select);
        return staged;
    }

    /** The table's columns, as SQL reads them. */
    private static String columns(Table table) {
        return list(table.schema().columns().stream().map(column -> column.name()).toList(), DataFileWriter::quoted);
    }

    private static String files(List<String> paths) {
        return paths.stream().map(SqlResource::literal).collect(Collectors.joining(", ", "[", "]"));
    }

    private static boolean bool(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private static List<List<Object>> partitions(Statement sql, String changed, int columns) throws SQLException {
        List<List<Object>> partitions = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("SELECT * FROM " + changed)) {
            while (rows.next()) {
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rows.getObject(i));
                }
                partitions.add(values);
            }
        }
        return partitions;
    }

    private static String samePartition(List<String> keys, String left, String right) {
        return keys.stream().map(DataFileWriter::quoted).map(key -> left + "." + key + " IS NOT DISTINCT FROM " + right + "." + key)
                .collect(Collectors.joining(" AND "));
    }

    private static String list(List<String> items, Function<String, String> each) {
        return items.stream().map(each).collect(Collectors.joining(", "));
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
