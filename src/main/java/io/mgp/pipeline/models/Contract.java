package io.mgp.pipeline.models;

import io.mgp.pipeline.duck.SqlResource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** A model's declared columns and types, checked against what its SELECT returns before anything is written. */
final class Contract {

    private Contract() {
    }

    /** Null when the result has exactly the declared columns with their types; otherwise what differs, naming the column. */
    static String violation(Statement sql, Node model) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (ResultSet columns = sql.executeQuery(SqlResource.load("sql/lake/select-columns.sql", Map.of("select", model.sql())))) {
            while (columns.next()) {
                result.put(columns.getString(1), columns.getString(2));
            }
        }
        for (Column declared : model.columns()) {
            String type = result.remove(declared.name());
            if (type == null) {
                return "contract: column " + declared.name() + " is declared but the result has none";
            }
            if (!type.equals(declared.dataType())) {
                return "contract: column " + declared.name() + " is " + type + ", declared " + declared.dataType();
            }
        }
        return result.isEmpty() ? null : "contract: the result has column " + result.keySet().iterator().next()
                + ", which is not declared";
    }
}
