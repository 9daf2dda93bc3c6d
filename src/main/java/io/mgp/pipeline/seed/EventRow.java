package io.mgp.pipeline.seed;

import java.sql.SQLException;

import org.duckdb.DuckDBAppender;

record EventRow(String id, String name, String sname, String seasonId) implements SeedRow {

    @Override
    public void appendTo(DuckDBAppender appender) throws SQLException {
        appender.append(id).append(name).append(sname).append(seasonId);
    }
}
