package io.mgp.pipeline.models;

import io.mgp.pipeline.duck.SqlResource;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The generic data tests, dbt's and dbt-utils': each compiles, for a table (and a column), to the {@code SELECT} of
 * sql/tests/{@code <type>}.sql that returns the failing rows.
 */
final class GenericTests {

    /** The tests a column can declare, then those of a whole table. */
    static final List<String> COLUMN_TESTS = List.of("not_null", "unique", "accepted_values", "relationships",
            "accepted_range", "expression_is_true", "not_null_proportion");
    static final List<String> TABLE_TESTS = List.of("expression_is_true", "unique_combination_of_columns", "row_count",
            "recency");

    /** The arguments each test takes, beside its config. */
    private static final Map<String, List<String>> ARGUMENTS = Map.of(
            "not_null", List.of(), "unique", List.of(), "accepted_values", List.of("values", "quote"),
            "relationships", List.of("to", "field"), "accepted_range", List.of("min_value", "max_value", "inclusive"),
            "expression_is_true", List.of("expression"), "unique_combination_of_columns", List.of("combination_of_columns"),
            "not_null_proportion", List.of("at_least", "at_most"),
            "row_count", List.of("min_value", "max_value", "inclusive", "expression", "compare_model", "compare_expression"),
            "recency", List.of("field", "datepart", "interval"));

    private final Function<String, String> refs;

    /** @param refs resolves {@code ref('name')}, {@code source('bronze', 'name')} or {@code layer.name} to a table */
    GenericTests(Function<String, String> refs) {
        this.refs = refs;
    }

    /** What a declared test compiles to: its query and the tables it reads. */
    record Compiled(String sql, Set<String> refs) {
    }

    /** Compiles a test on {@code table} (and {@code column}, or null) with its arguments; {@code where} filters the tested rows. */
    Compiled compile(String type, String table, String column, Arguments args, String where) {
        for (String name : args.values().keySet()) {
            if (!ARGUMENTS.get(type).contains(name)) {
                throw ProjectError.declaration(args.file(), args.test() + ": unknown argument " + name + " (known: "
                        + String.join(", ", ARGUMENTS.get(type)) + "; config: severity, warn_if, error_if, where, store_failures, limit)");
            }
        }
        Set<String> reads = new LinkedHashSet<>(List.of(table));
        Map<String, String> values = new HashMap<>();
        values.put("model", where == null ? table : "(SELECT * FROM " + table + " WHERE " + where + ")");
        if (column != null) {
            values.put("column", quoted(column));
        }
        String template = type;
        switch (type) {
            case "not_null", "unique" -> { }
            case "accepted_values" -> values.put("values", args.list("values").stream()
                    .map(v -> args.flag("quote", true) ? SqlResource.literal(v) : String.valueOf(v))
                    .collect(Collectors.joining(", ")));
            case "relationships" -> {
                String parent = refs.apply(args.text("to"));
                reads.add(parent);
                values.put("to", parent);
                values.put("field", quoted(args.text("field")));
            }
            case "accepted_range" -> values.put("outside", outside(column == null ? null : quoted(column), args));
            case "expression_is_true" -> values.put("expression",
                    column == null ? args.text("expression") : quoted(column) + " " + args.text("expression"));
            case "unique_combination_of_columns" -> values.put("columns", args.list("combination_of_columns").stream()
                    .map(c -> quoted(String.valueOf(c))).collect(Collectors.joining(", ")));
            case "not_null_proportion" -> {
                values.put("at_least", args.number("at_least", null));
                values.put("at_most", args.number("at_most", "1.0"));
            }
            case "row_count" -> {
                values.put("expression", args.optional("expression", "count(*)"));
                if (args.has("compare_model")) {
                    String compared = refs.apply(args.text("compare_model"));
                    reads.add(compared);
                    values.put("compare", compared);
                    values.put("compare_expression", args.optional("compare_expression", "count(*)"));
                    template = "row_count_compare";
                } else {
                    values.put("outside", outside("row_count", args));
                }
            }
            case "recency" -> {
                values.put("field", quoted(args.text("field")));
                values.put("datepart", args.text("datepart"));
                values.put("interval", args.number("interval", null));
            }
            default -> throw new IllegalArgumentException(type);
        }
        return new Compiled(SqlResource.load("sql/tests/" + template + ".sql", values).strip(), reads);
    }

    /** The condition of a value outside {@code min_value}..{@code max_value} (either may be left out). */
    private static String outside(String value, Arguments args) {
        if (!args.has("min_value") && !args.has("max_value")) {
            throw args.missing("min_value or max_value");
        }
        boolean inclusive = args.flag("inclusive", true);
        String below = args.has("min_value") ? "NOT (" + value + (inclusive ? " >= " : " > ") + args.text("min_value") + ")" : null;
        String above = args.has("max_value") ? "NOT (" + value + (inclusive ? " <= " : " < ") + args.text("max_value") + ")" : null;
        return below == null ? above : above == null ? below : below + " OR " + above;
    }

    /** A column name as SQL reads it, whatever words it holds ({@code "position"}, {@code "year"}). */
    static String quoted(String column) {
        return "\"" + column.replace("\"", "\"\"") + "\"";
    }

    /** A test's arguments as declared in YAML, with errors that name the test and the file. */
    record Arguments(Map<String, Object> values, String test, String file) {

        boolean has(String name) {
            return values.get(name) != null;
        }

        String text(String name) {
            if (!has(name)) {
                throw missing(name);
            }
            return String.valueOf(values.get(name));
        }

        String optional(String name, String otherwise) {
            return has(name) ? String.valueOf(values.get(name)) : otherwise;
        }

        String number(String name, String otherwise) {
            String text = otherwise == null ? text(name) : optional(name, otherwise);
            try {
                Double.parseDouble(text);
                return text;
            } catch (NumberFormatException e) {
                throw ProjectError.declaration(file, test + ": " + name + " must be a number, got '" + text + "'");
            }
        }

        boolean flag(String name, boolean otherwise) {
            return has(name) ? Boolean.parseBoolean(String.valueOf(values.get(name))) : otherwise;
        }

        List<?> list(String name) {
            if (!(values.get(name) instanceof List<?> list) || list.isEmpty()) {
                throw ProjectError.declaration(file, test + ": " + name + " must be a list of one value or more");
            }
            return list;
        }

        ProjectError missing(String name) {
            return ProjectError.declaration(file, test + ": missing argument " + name);
        }
    }
}
