package io.mgp.pipeline.seed;

import java.sql.SQLException;

import org.duckdb.DuckDBAppender;

record SessionRow(String id, String name, String seasonId, String eventId, String categoryId) implements SeedRow {

    @Override
    public void appendTo(DuckDBAppender appender) throws SQLException {
        appender.append(id).append(name).append(seasonId).append(eventId).append(categoryId);
    }
}
