package io.mgp.pipeline.api;

import java.util.List;

/**
 * A seed file the API serves, the columns it must have, and the query parameters that select its rows.
 * The JSON fields and their order are those of the SQL file {@code sql/api/<name>.sql}.
 */
public enum SeedTable {
    SEASONS("seasons", List.of("id", "year"), List.of()),
    EVENTS("events", List.of("id", "name", "sname", "season_id"), List.of("season_id")),
    CATEGORIES("categories", List.of("id", "name", "season_id", "event_id"), List.of("event_id")),
    SESSIONS("sessions", List.of("id", "name", "season_id", "event_id", "category_id"), List.of("event_id", "category_id")),
    CLASSIFICATIONS("classifications",
            List.of("season_id", "event_id", "category_id", "session_id", "name", "number", "position", "points"),
            List.of("session_id"));

    private final String fileName;
    private final List<String> requiredColumns;
    private final List<String> keyFields;

    SeedTable(String name, List<String> requiredColumns, List<String> keyFields) {
        this.fileName = name + ".parquet";
        this.requiredColumns = requiredColumns;
        this.keyFields = keyFields;
    }

    public String fileName() {
        return fileName;
    }

    public List<String> requiredColumns() {
        return requiredColumns;
    }

    /** The JSON fields whose values, in this order, are the lookup key (the request's query parameters). */
    public List<String> keyFields() {
        return keyFields;
    }

    public String sqlResource() {
        return "sql/api/" + name().toLowerCase() + ".sql";
    }
}
