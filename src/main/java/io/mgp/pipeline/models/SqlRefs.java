package io.mgp.pipeline.models;

import com.fasterxml.jackson.databind.JsonNode;
import io.mgp.pipeline.lineage.SqlTree;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The tables a {@code SELECT} reads, from DuckDB's own parse tree ({@code json_serialize_sql}): a model's
 * dependencies come from its SQL, not from a list kept by hand. Names a common table expression defines are not tables.
 */
final class SqlRefs {

    private final Connection duck;

    SqlRefs(Connection duck) {
        this.duck = duck;
    }

    /** The tables the query reads, as written ({@code silver.events}, or {@code events} when unqualified). */
    Set<String> tables(String file, String sql) {
        JsonNode tree = parse(file, sql);
        if (tree.path("statements").size() != 1) {
            throw ProjectError.sql(file, "holds " + tree.path("statements").size() + " statements; a model is one SELECT");
        }
        Set<String> tables = new LinkedHashSet<>();
        Set<String> ctes = new HashSet<>();
        collect(tree, tables, ctes);
        tables.removeIf(ctes::contains);
        return tables;
    }

    private JsonNode parse(String file, String sql) {
        try {
            return SqlTree.parse(duck, sql);
        } catch (SQLException | IllegalArgumentException | IllegalStateException e) {
            throw ProjectError.sql(file, e.getMessage());
        }
    }

    private static void collect(JsonNode node, Set<String> tables, Set<String> ctes) {
        if (node.isObject()) {
            if ("BASE_TABLE".equals(node.path("type").asText()) && node.has("table_name")) {
                String schema = node.path("schema_name").asText();
                String table = node.path("table_name").asText();
                tables.add(schema.isEmpty() ? table : schema + "." + table);
            }
            for (JsonNode cte : node.path("cte_map").path("map")) {
                ctes.add(cte.path("key").asText());
            }
        }
        node.forEach(child -> collect(child, tables, ctes));
    }
}
