package io.mgp.pipeline.lake;

import io.mgp.pipeline.duck.SelectColumns;
import java.sql.SQLException;
import java.sql.Statement;

/** A table's next version staged from a SELECT with the columns DuckDB describes it with, as a build stages a model's. */
public final class Staging {

    private Staging() {
    }

    public static LakeTables.Staged stage(LakeTables tables, Statement sql, String layer, String name, String select,
            Partitioning partitioning) throws SQLException {
        return tables.stage(sql, layer, name, select, SelectColumns.of(sql, select), partitioning);
    }

    /** One table rewritten whole. */
    public static LakeTables.Staged stage(LakeTables tables, Statement sql, String layer, String name, String select) throws SQLException {
        return stage(tables, sql, layer, name, select, Partitioning.NONE);
    }
}
