package io.mgp.pipeline.seed;

import java.sql.SQLException;

import org.duckdb.DuckDBAppender;

record SeasonRow(String id, long year) implements SeedRow {

    @Override
    public void appendTo(DuckDBAppender appender) throws SQLException {
        appender.append(id).append(year);
    }
}
