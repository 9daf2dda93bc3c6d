package io.mgp.pipeline.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Where each column a {@code SELECT} returns comes from: the columns of the tables it reads that the column's values
 * are computed from, through subqueries, common table expressions, joins, set operations, casts, functions, window
 * functions and struct fields, read off DuckDB's parse tree of the query ({@code json_serialize_sql}). Direct lineage
 * only: a column that only filters, joins, groups or orders the rows, or partitions, orders or filters those of a
 * window or an aggregate, is not another column's upstream (a {@code CASE}'s conditions are).
 */
public final class QueryLineage {

    /** The parts of an expression that pick or order the rows it reads, not the values it computes. */
    private static final Set<String> NOT_VALUES = Set.of("partitions", "orders", "filter", "filter_expr", "order_bys", "arg_orders");

    private final String sql;
    private final Function<String, List<String>> tableColumns;
    private int depth;

    private QueryLineage(String sql, Function<String, List<String>> tableColumns) {
        this.sql = sql;
        this.tableColumns = tableColumns;
    }

    /**
     * The lineage of each column of the statement's result, in its order.
     *
     * @param statement one statement of {@code json_serialize_sql}'s answer ({@code statements[0]})
     * @param sql the statement's text, which names a column computed without an alias (its text: DuckDB's own names,
     *        such as {@code count_star()}, may differ)
     * @param tableColumns the columns of a table the query reads, by its name as written ({@code silver.events}); null
     *        when no such table is known
     * @throws LineageException naming the column, or the table, whose lineage cannot be resolved, and why
     */
    public static Map<String, SortedSet<UpstreamColumn>> of(JsonNode statement, String sql, Function<String, List<String>> tableColumns) {
        Columns result = new QueryLineage(sql, tableColumns).query(statement.path("node"), Map.of(), null);
        Map<String, SortedSet<UpstreamColumn>> lineage = new LinkedHashMap<>();
        result.entries.forEach((name, upstream) -> lineage.put(name, new TreeSet<>(upstream)));
        return lineage;
    }

    /**
     * The lineage of each column of a {@code SELECT}'s result, in its order, as DuckDB parses it.
     *
     * @throws IllegalArgumentException when the text does not parse
     * @see #of(JsonNode, String, Function)
     */
    public static Map<String, SortedSet<UpstreamColumn>> of(Connection duck, String sql, Function<String, List<String>> tableColumns)
            throws SQLException {
        JsonNode statements = SqlTree.parse(duck, sql).path("statements");
        if (statements.size() != 1) {
            throw new LineageException("the SQL holds " + statements.size() + " statements, not one SELECT");
        }
        return of(statements.get(0), sql, tableColumns);
    }

    private Columns query(JsonNode node, Map<String, Columns> ctes, Scope outer) {
        depth++;
        try {
            Map<String, Columns> visible = withCtes(node.path("cte_map"), ctes, outer);
            return switch (node.path("type").asText()) {
                case "SELECT_NODE" -> select(node, visible, outer);
                case "SET_OPERATION_NODE" -> setOperation(node, visible, outer);
                default -> throw new LineageException("a " + node.path("type").asText() + " query is not followed");
            };
        } finally {
            depth--;
        }
    }

    private Map<String, Columns> withCtes(JsonNode cteMap, Map<String, Columns> ctes, Scope outer) {
        Map<String, Columns> visible = new HashMap<>(ctes);
        for (JsonNode cte : cteMap.path("map")) {
            JsonNode definition = cte.path("value");
            visible.put(key(cte.path("key").asText()), query(definition.path("query_node"), visible, outer).renamed(definition.path("aliases")));
        }
        return visible;
    }

    private Columns select(JsonNode node, Map<String, Columns> ctes, Scope outer) {
        Scope scope = new Scope(outer);
        from(node.path("from_table"), ctes, scope);
        Columns result = new Columns();
        scope.selected = result;
        for (JsonNode item : node.path("select_list")) {
            if ("STAR".equals(item.path("class").asText())) {
                star(item, scope, result);
                continue;
            }
            String name = result.unique(name(item));
            try {
                result.add(name, expression(item, scope, ctes));
            } catch (LineageException e) {
                throw depth == 1 ? new LineageException("column " + name + ": " + e.getMessage()) : e;
            }
        }
        return result;
    }

    /** Each column of a set operation's result comes from that column of every one of its queries. */
    private Columns setOperation(JsonNode node, Map<String, Columns> ctes, Scope outer) {
        boolean byName = node.path("setop_type").asText().endsWith("BY_NAME");
        Columns result = null;
        for (JsonNode child : node.path("children")) {
            Columns columns = query(child, ctes, outer);
            if (result == null) {
                result = columns;
            } else {
                result = result.union(columns, byName);
            }
        }
        if (result == null) {
            throw new LineageException("a set operation without queries");
        }
        return result;
    }

    private void from(JsonNode table, Map<String, Columns> ctes, Scope scope) {
        switch (table.path("type").asText()) {
            case "EMPTY" -> {
                // SELECT without FROM: constants only
            }
            case "BASE_TABLE" -> {
                String schema = table.path("schema_name").asText();
                String name = table.path("table_name").asText();
                Columns columns = schema.isEmpty() && ctes.containsKey(key(name)) ? ctes.get(key(name))
                        : baseTable(schema.isEmpty() ? name : schema + "." + name);
                scope.relations.add(new Relation(schema, alias(table, name), columns.renamed(table.path("column_name_alias"))));
            }
            case "SUBQUERY" -> scope.relations.add(new Relation("", alias(table, "unnamed_subquery"),
                    query(table.path("subquery").path("node"), ctes, scope.outer).renamed(table.path("column_name_alias"))));
            case "JOIN" -> join(table, ctes, scope);
            default -> throw new LineageException("it reads from a " + table.path("type").asText().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ", whose columns are not known");
        }
    }

    /**
     * A join's two sides; a semi or anti join returns its left side's columns only. Columns a join matches by
     * {@code USING}, or by name ({@code NATURAL}), are one column, from both sides.
     */
    private void join(JsonNode join, Map<String, Columns> ctes, Scope scope) {
        from(join.path("left"), ctes, scope);
        int left = scope.relations.size();
        String type = join.path("join_type").asText();
        if (type.equals("SEMI") || type.equals("ANTI")) {
            return;
        }
        from(join.path("right"), ctes, scope);
        join.path("using_columns").forEach(using -> scope.using.add(key(using.asText())));
        if ("NATURAL".equals(join.path("ref_type").asText())) {
            Set<String> leftNames = new HashSet<>();
            scope.relations.subList(0, left).forEach(relation -> relation.columns.entries.keySet().forEach(name -> leftNames.add(key(name))));
            scope.relations.subList(left, scope.relations.size()).forEach(relation -> relation.columns.entries.keySet().stream()
                    .map(QueryLineage::key).filter(leftNames::contains).forEach(scope.using::add));
        }
    }

    private Columns baseTable(String name) {
        List<String> columns = tableColumns.apply(name);
        if (columns == null) {
            throw new LineageException("it reads " + name + ", whose columns are not declared");
        }
        Columns result = new Columns();
        columns.forEach(column -> result.add(column, Set.of(new UpstreamColumn(name, column))));
        return result;
    }

    private void star(JsonNode star, Scope scope, Columns result) {
        if (star.path("columns").asBoolean() || !star.path("expr").isNull() && !star.path("expr").isMissingNode()
                || !star.path("rename_list").isEmpty() || !star.path("qualified_exclude_list").isEmpty()) {
            throw new LineageException("a COLUMNS(…) or * with RENAME or qualified EXCLUDE is not followed");
        }
        String relation = star.path("relation_name").asText();
        Set<String> excluded = new HashSet<>();
        star.path("exclude_list").forEach(name -> excluded.add(key(name.asText())));
        Map<String, Set<UpstreamColumn>> replaced = new HashMap<>();
        for (JsonNode replace : star.path("replace_list")) {
            replaced.put(key(replace.path("key").asText()), expression(replace.path("value"), scope, Map.of()));
        }
        for (Relation from : scope.relations) {
            if (relation.isEmpty() || from.named(relation)) {
                from.columns.entries.forEach((name, upstream) -> {
                    if (!excluded.contains(key(name))) {
                        // a join's USING or NATURAL column is one column, from both sides; another name two tables
                        // have is two columns, the second renamed as DuckDB does (id, id_1)
                        result.add(scope.using.contains(key(name)) ? name : result.unique(name), replaced.getOrDefault(key(name), upstream));
                    }
                });
            }
        }
    }

    private Set<UpstreamColumn> expression(JsonNode node, Scope scope, Map<String, Columns> ctes) {
        Set<UpstreamColumn> upstream = new TreeSet<>();
        collect(node, scope, ctes, upstream);
        return upstream;
    }

    private void collect(JsonNode node, Scope scope, Map<String, Columns> ctes, Set<UpstreamColumn> upstream) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, scope, ctes, upstream));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        switch (node.path("class").asText()) {
            case "COLUMN_REF" -> upstream.addAll(scope.resolve(names(node)));
            case "SUBQUERY" -> {
                collect(node.path("child"), scope, ctes, upstream);
                if ("SCALAR".equals(node.path("subquery_type").asText())) {
                    query(node.path("subquery").path("node"), ctes, scope).entries.values().forEach(upstream::addAll);
                }
            }
            case "LAMBDA" -> {
                Scope parameters = new Scope(scope);
                Columns names = new Columns();
                collectNames(node.path("lhs"), names);
                parameters.relations.add(new Relation("", "", names));
                collect(node.path("expr"), parameters, ctes, upstream);
            }
            default -> node.properties().forEach(field -> {
                // the columns that partition, order or filter a window's or an aggregate's rows are not where its
                // values come from
                if (!NOT_VALUES.contains(field.getKey())) {
                    collect(field.getValue(), scope, ctes, upstream);
                }
            });
        }
    }

    /** A lambda's parameters, as columns with no upstream. */
    private static void collectNames(JsonNode node, Columns names) {
        if ("COLUMN_REF".equals(node.path("class").asText())) {
            names.add(node.path("column_names").path(0).asText(), Set.of());
        } else {
            node.forEach(child -> collectNames(child, names));
        }
    }

    /** A column's name as DuckDB gives it: its alias, the column it reads, or the expression's text. */
    private String name(JsonNode item) {
        if (!item.path("alias").asText().isEmpty()) {
            return item.path("alias").asText();
        }
        if ("COLUMN_REF".equals(item.path("class").asText())) {
            List<String> names = names(item);
            return names.get(names.size() - 1);
        }
        int at = item.path("query_location").asInt(-1);
        int length = item.path("query_location_length").asInt(0);
        return at >= 0 && at + length <= sql.length() && length > 0 ? sql.substring(at, at + length) : "(expression)";
    }

    private static String alias(JsonNode table, String otherwise) {
        String alias = table.path("alias").asText();
        return alias.isEmpty() ? otherwise : alias;
    }

    private static List<String> names(JsonNode columnRef) {
        List<String> names = new ArrayList<>();
        columnRef.path("column_names").forEach(name -> names.add(name.asText()));
        return names;
    }

    /** How DuckDB compares identifiers: without case. */
    static String key(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    /** The columns of a relation or of a query's result, in order, each with its upstream columns. */
    private static final class Columns {
        private final Map<String, Set<UpstreamColumn>> entries = new LinkedHashMap<>();

        /** The name, or, when a column already has it, the name with the first free suffix DuckDB would give it. */
        String unique(String name) {
            String unique = name;
            for (int suffix = 1; find(unique) != null; suffix++) {
                unique = name + "_" + suffix;
            }
            return unique;
        }

        /** Adds a column, or, when one has that name, adds to where it comes from. */
        void add(String name, Set<UpstreamColumn> upstream) {
            entries.merge(name, upstream, (a, b) -> {
                Set<UpstreamColumn> both = new TreeSet<>(a);
                both.addAll(b);
                return both;
            });
        }

        Set<UpstreamColumn> find(String name) {
            for (Map.Entry<String, Set<UpstreamColumn>> entry : entries.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue();
                }
            }
            return null;
        }

        /** The first columns renamed by a list of aliases ({@code AS t(a, b)}, a CTE's {@code x(a, b)}). */
        Columns renamed(JsonNode aliases) {
            if (aliases.isEmpty()) {
                return this;
            }
            Columns renamed = new Columns();
            int i = 0;
            for (Map.Entry<String, Set<UpstreamColumn>> entry : entries.entrySet()) {
                renamed.add(i < aliases.size() ? aliases.get(i).asText() : entry.getKey(), entry.getValue());
                i++;
            }
            return renamed;
        }

        /** This query's columns, each also from the other query's column of the same position, or name. */
        Columns union(Columns other, boolean byName) {
            Columns union = new Columns();
            List<Set<UpstreamColumn>> others = new ArrayList<>(other.entries.values());
            int i = 0;
            for (Map.Entry<String, Set<UpstreamColumn>> entry : entries.entrySet()) {
                union.add(entry.getKey(), entry.getValue());
                Set<UpstreamColumn> matched = byName ? other.find(entry.getKey()) : i < others.size() ? others.get(i) : null;
                if (matched != null) {
                    union.add(entry.getKey(), matched);
                }
                i++;
            }
            if (byName) {
                other.entries.forEach((name, upstream) -> {
                    if (union.find(name) == null) {
                        union.add(name, upstream);
                    }
                });
            }
            return union;
        }
    }

    /** A relation of a FROM clause: its schema when written with one, the name it goes by there, and its columns. */
    private record Relation(String schema, String name, Columns columns) {

        boolean named(String alias) {
            return name.equalsIgnoreCase(alias);
        }
    }

    /** The relations a query's expressions can name, the columns it selected so far, and the query around it. */
    private static final class Scope {
        private final Scope outer;
        private final List<Relation> relations = new ArrayList<>();
        private final Set<String> using = new HashSet<>();
        private Columns selected;

        Scope(Scope outer) {
            this.outer = outer;
        }

        Set<UpstreamColumn> resolve(List<String> names) {
            for (Scope scope = this; scope != null; scope = scope.outer) {
                Set<UpstreamColumn> found = scope.find(names);
                if (found != null) {
                    return found;
                }
            }
            throw new LineageException("column " + String.join(".", names) + " is in none of the tables it reads");
        }

        /** As DuckDB binds a name: a relation's column, a schema's table's column, a column's field, a selected alias. */
        private Set<UpstreamColumn> find(List<String> names) {
            if (names.size() >= 2) {
                for (Relation relation : relations) {
                    if (relation.named(names.get(0)) && relation.columns.find(names.get(1)) != null) {
                        return fields(relation.columns.find(names.get(1)), names.subList(2, names.size()));
                    }
                }
            }
            if (names.size() >= 3) {
                for (Relation relation : relations) {
                    if (relation.schema.equalsIgnoreCase(names.get(0)) && relation.named(names.get(1)) && relation.columns.find(names.get(2)) != null) {
                        return fields(relation.columns.find(names.get(2)), names.subList(3, names.size()));
                    }
                }
            }
            List<Set<UpstreamColumn>> matches = new ArrayList<>();
            for (Relation relation : relations) {
                Set<UpstreamColumn> column = relation.columns.find(names.get(0));
                if (column != null) {
                    matches.add(column);
                }
            }
            if (matches.size() > 1 && !using.contains(key(names.get(0)))) {
                throw new LineageException("column " + names.get(0) + " is in more than one of the tables it reads");
            }
            if (!matches.isEmpty()) {
                Set<UpstreamColumn> all = new TreeSet<>();
                matches.forEach(all::addAll);
                return fields(all, names.subList(1, names.size()));
            }
            Set<UpstreamColumn> alias = selected == null ? null : selected.find(names.get(0));
            return alias == null ? null : fields(alias, names.subList(1, names.size()));
        }

        private static Set<UpstreamColumn> fields(Set<UpstreamColumn> columns, List<String> path) {
            Set<UpstreamColumn> result = new TreeSet<>();
            for (UpstreamColumn column : columns) {
                UpstreamColumn field = column;
                for (String name : path) {
                    field = field.field(name);
                }
                result.add(field);
            }
            return result;
        }
    }
}
