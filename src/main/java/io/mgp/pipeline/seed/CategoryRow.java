package io.mgp.pipeline.seed;

import java.sql.SQLException;

import org.duckdb.DuckDBAppender;

/** A class raced at one event; its id is the class's, so it repeats across events. */
record CategoryRow(String id, String name, String seasonId, String eventId) implements SeedRow {

    @Override
    public void appendTo(DuckDBAppender appender) throws SQLException {
        appender.append(id).append(name).append(seasonId).append(eventId);
    }
}
