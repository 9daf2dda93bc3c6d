package io.mgp.pipeline.duck;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** The columns a SELECT returns and their DuckDB types, in order, found without running it. */
public final class SelectColumns {

    private SelectColumns() {
    }

    public static Map<String, String> of(Statement sql, String select) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (ResultSet described = sql.executeQuery(SqlResource.load("sql/lake/select-columns.sql", Map.of("select", select)))) {
            while (described.next()) {
                columns.put(described.getString(1), described.getString(2));
            }
        }
        return columns;
    }
}
