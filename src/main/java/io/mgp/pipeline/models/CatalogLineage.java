package io.mgp.pipeline.models;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.duck.ScratchDatabase;
import io.mgp.pipeline.lake.BronzeAnswers;
import io.mgp.pipeline.lineage.LineageException;
import io.mgp.pipeline.lineage.QueryLineage;
import io.mgp.pipeline.lineage.UpstreamColumn;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * The column lineage of a project, one step at a time: for each column of each model, the columns of the tables its
 * SQL reads that it is computed from; for each column of each bronze table, the field of the API's answers or the
 * crawl's context it comes from, as {@code api.<table>.<column>} ({@code api.events.body.sname}: the field
 * {@code sname} of the JSON body of an answer to the events requests). Derived from the SQL, never declared.
 */
public final class CatalogLineage {

    /** The relation a bronze table's SQL reads the API's answers from, in the lineage: {@code api.<table>}. */
    public static final String API = "api";

    /** A table's lineage, or why it could not be followed (naming the column). */
    public record TableLineage(Map<String, SortedSet<UpstreamColumn>> columns, String unresolved) {
    }

    private CatalogLineage() {
    }

    /** The lineage of every table of the catalog, by id. */
    public static Map<String, TableLineage> of(Catalog catalog) {
        Map<String, TableLineage> lineage = new LinkedHashMap<>();
        try (Connection duck = ScratchDatabase.connect(); Statement sql = duck.createStatement()) {
            BronzeAnswers.createPages(sql, "answers");
            List<String> answerColumns = BronzeAnswers.pageColumns(sql, "answers");
            for (Node node : catalog.nodes()) {
                Optional<String> query = node.isModel() ? Optional.of(node.sql()) : BronzeAnswers.rows(node.name(), API + "." + node.name());
                lineage.put(node.id(), query.isEmpty() ? new TableLineage(Map.of(), "the crawl writes no bronze table " + node.name())
                        : table(duck, node, query.get(), table -> table.startsWith(API + ".") ? answerColumns : declared(catalog, table)));
            }
        } catch (SQLException e) {
            catalog.nodes().forEach(node -> lineage.putIfAbsent(node.id(), new TableLineage(Map.of(),
                    "DuckDB could not read the SQL: " + PipelineException.firstLine(e))));
        }
        return lineage;
    }

    /** A table's lineage, by its declared columns' names; what cannot be followed is said, never thrown: lineage documents the build. */
    private static TableLineage table(Connection duck, Node node, String query, Function<String, List<String>> columns) {
        try {
            return new TableLineage(byDeclaredName(node, QueryLineage.of(duck, query, columns)), null);
        } catch (SQLException | RuntimeException e) {
            return new TableLineage(Map.of(), e instanceof LineageException ? e.getMessage() : PipelineException.firstLine(e));
        }
    }

    /**
     * The lineage keyed by the table's declared columns, as its records name them: by name regardless of case, or,
     * when a result column has no declared name (an expression without an alias), by position if the counts match.
     */
    private static Map<String, SortedSet<UpstreamColumn>> byDeclaredName(Node node, Map<String, SortedSet<UpstreamColumn>> lineage) {
        List<String> declared = node.columns().stream().map(Column::name).toList();
        boolean byName = lineage.keySet().stream().allMatch(name -> declared.stream().anyMatch(name::equalsIgnoreCase));
        if (declared.isEmpty() || !byName && declared.size() != lineage.size()) {
            return lineage;
        }
        Map<String, SortedSet<UpstreamColumn>> keyed = new LinkedHashMap<>();
        int position = 0;
        for (Map.Entry<String, SortedSet<UpstreamColumn>> column : lineage.entrySet()) {
            String name = byName ? declared.stream().filter(column.getKey()::equalsIgnoreCase).findFirst().orElseThrow() : declared.get(position);
            keyed.put(name, column.getValue());
            position++;
        }
        return keyed;
    }

    private static List<String> declared(Catalog catalog, String table) {
        Node node = catalog.node(table);
        return node == null || node.columns().isEmpty() ? null : node.columns().stream().map(Column::name).toList();
    }
}
