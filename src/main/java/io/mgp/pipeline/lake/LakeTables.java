package io.mgp.pipeline.lake;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The lake's silver and gold tables, as the model runner, the data tests and the commands see them, whatever their
 * format: a new version is staged, audited while readable under the table's name, then published or discarded.
 */
public interface LakeTables {

    /** Whether the table has a published version. */
    boolean exists(String layer, String name);

    /** Makes the published version readable as {@code layer.name} in this DuckDB session; false when there is none. */
    boolean register(Statement sql, String layer, String name) throws SQLException;

    /**
     * Writes the rows of {@code select} as the table's next version, laid out and rewritten as {@code partitioning}
     * says, readable as {@code layer.name} until published; {@code columns} are the rows' columns as DuckDB describes
     * them (names and type names, in order), which the caller has at hand.
     */
    Staged stage(Statement sql, String layer, String name, String select, Map<String, String> columns, Partitioning partitioning)
            throws SQLException;

    /**
     * Has another engine write the table's next version: the table is created or evolved to {@code columns} (names and
     * DuckDB's type names, in order) and laid out as {@code partitioning} says, then {@code writer} commits the rows to
     * the branch it is given, which is readable until published.
     */
    Staged stage(String layer, String name, Map<String, String> columns, Partitioning partitioning, BranchWriter writer);

    /** An engine's write of a table's rows to a branch, with the snapshot properties every commit of the run carries. */
    interface BranchWriter {
        void write(String branch, Map<String, String> snapshotProperties);
    }

    /** The rows of the published version. */
    long rows(String layer, String name) throws SQLException;

    /** Every version of the table still kept, the newest first; empty when there is no such table. */
    List<TableVersion> history(String layer, String name);

    /** A version written but not yet published: readers of the lake still see the one before. */
    interface Staged {

        long rows();

        /** What the version changed, when not the whole table ("2 of 76 partitions", "unchanged"); null otherwise. */
        String change();

        /** The branch the version is on until published, or null when nothing was committed. */
        String branch();

        /**
         * Replaces the published version with this one, and keeps it readable as {@code layer.name} in the DuckDB
         * session that staged it.
         */
        void publish() throws SQLException;

        /**
         * Sets this version aside: {@code layer.name} reads the published one again, if any, in the DuckDB session that
         * staged it. Returns where the version can still be read, for the user.
         */
        String discard() throws SQLException;
    }
}
