package io.mgp.pipeline.seed;

import java.sql.SQLException;

import org.duckdb.DuckDBAppender;

/** A row of one seed table; appends its values in the order of that table's columns. */
interface SeedRow {

    void appendTo(DuckDBAppender appender) throws SQLException;
}
