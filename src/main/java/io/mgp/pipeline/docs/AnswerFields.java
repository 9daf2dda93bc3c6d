package io.mgp.pipeline.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.mgp.pipeline.api.SeedApi;
import io.mgp.pipeline.api.SeedTable;
import io.mgp.pipeline.duck.SqlResource;
import io.mgp.pipeline.lineage.SqlTree;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of an endpoint's JSON answers, in their order: the result columns of the SQL the API answers with
 * ({@code sql/api/<table>.sql}), read from DuckDB's parse tree, so no seed file is needed.
 */
final class AnswerFields {

    private AnswerFields() {
    }

    /** The fields of the answers of the bean method ({@code seedApi.events}) an endpoint's route calls; empty if unknown. */
    static List<String> of(Connection duck, String answeredBy) throws SQLException {
        if (answeredBy == null) {
            return List.of();
        }
        var table = SeedApi.tableAnsweredBy(answeredBy.substring(answeredBy.lastIndexOf('.') + 1));
        return table.isEmpty() ? List.of() : of(duck, table.get());
    }

    private static List<String> of(Connection duck, SeedTable table) throws SQLException {
        String sql = SqlResource.load(table.sqlResource(), Map.of("file", "'" + table.fileName() + "'"));
        List<String> fields = new ArrayList<>();
        for (JsonNode column : SqlTree.parse(duck, sql).path("statements").path(0).path("node").path("select_list")) {
            JsonNode names = column.path("column_names");
            String field = !column.path("alias").asText().isEmpty() ? column.path("alias").asText() : names.path(names.size() - 1).asText();
            // an expression without an alias has no field name the docs could show
            if (!field.isEmpty()) {
                fields.add(field);
            }
        }
        return fields;
    }
}
