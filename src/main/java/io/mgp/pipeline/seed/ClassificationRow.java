package io.mgp.pipeline.seed;

import java.sql.SQLException;

import org.duckdb.DuckDBAppender;

/** One rider's line in a session's results; {@code number} and {@code position} may be null, as in the real API. */
record ClassificationRow(String seasonId, String eventId, String categoryId, String sessionId,
                         String name, Integer number, Integer position, int points) implements SeedRow {

    @Override
    public void appendTo(DuckDBAppender appender) throws SQLException {
        appender.append(seasonId).append(eventId).append(categoryId).append(sessionId)
                .append(name).append(number).append(position).append(points);
    }
}
