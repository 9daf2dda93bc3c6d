package io.mgp.pipeline.models;

import io.mgp.pipeline.engine.Engine;
import io.mgp.pipeline.engine.EngineSession;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a model's unit test in an empty session of the engine: each table the model reads holds the given rows (none
 * when not given) with its declared columns and types, the model's SELECT runs on them, and its result must equal the
 * expected rows as a multiset, on the columns the expected rows name.
 */
public final class UnitTestRunner {

    private static final int SHOWN_ROWS = 5;

    private final Catalog catalog;
    private final Engine engine;

    public UnitTestRunner(Catalog catalog, Engine engine) {
        this.catalog = catalog;
        this.engine = engine;
    }

    /** Null when the model returned the expected rows; otherwise the rows that differ. */
    public String difference(UnitTest test) {
        Node model = catalog.node(test.model());
        String unread = test.given().stream().map(UnitTest.Given::table).filter(t -> !model.dependsOn().contains(t)).findFirst().orElse(null);
        if (unread != null) {
            return "cannot run: gives rows of " + unread + ", which " + model.id() + " does not read (it reads "
                    + String.join(", ", model.dependsOn()) + ")";
        }
        try (EngineSession session = engine.scratch()) {
            for (String table : model.dependsOn()) {
                Node read = catalog.node(table);
                List<Map<String, Object>> rows = test.given().stream().filter(g -> g.table().equals(table))
                        .flatMap(g -> g.rows().stream()).toList();
                String unknown = undeclared(read, rows);
                if (unknown != null) {
                    return "cannot run: given rows of " + table + " have a column " + unknown + ", which " + table
                            + " does not declare (it declares " + String.join(", ", declared(read).keySet()) + ")";
                }
                session.define(table, declared(read), rows);
            }
            session.define("actual", model.sql());
            Set<String> columns = new LinkedHashSet<>();
            test.expect().forEach(row -> columns.addAll(row.keySet()));
            Map<String, String> types = session.columns("SELECT * FROM actual");
            Map<String, String> expected = new LinkedHashMap<>();
            for (String column : columns) {
                if (!types.containsKey(column)) {
                    return "expects a column " + column + ", which " + model.id() + " does not return (it returns "
                            + String.join(", ", types.keySet()) + ")";
                }
                expected.put(column, types.get(column));
            }
            session.define("expected", expected, test.expect());
            String list = String.join(", ", columns.stream().map(c -> '"' + c + '"').toList());
            List<String> missing = session.rows("SELECT " + list + " FROM expected EXCEPT ALL SELECT " + list + " FROM actual");
            List<String> extra = session.rows("SELECT " + list + " FROM actual EXCEPT ALL SELECT " + list + " FROM expected");
            if (missing.isEmpty() && extra.isEmpty()) {
                return null;
            }
            return "expected but not returned: " + shown(missing) + "; returned but not expected: " + shown(extra);
        } catch (SQLException e) {
            return "cannot run: " + e.getMessage().lines().findFirst().orElse("");
        }
    }

    /** The table's declared columns and types; a column declared without a type is text. */
    private static Map<String, String> declared(Node table) {
        Map<String, String> types = new LinkedHashMap<>();
        table.columns().forEach(c -> types.put(c.name(), c.dataType() == null ? "VARCHAR" : c.dataType()));
        return types;
    }

    /** A column of the given rows the table does not declare, or null. */
    private static String undeclared(Node table, List<Map<String, Object>> rows) {
        Map<String, String> types = declared(table);
        return rows.stream().flatMap(row -> row.keySet().stream()).filter(c -> !types.containsKey(c)).findFirst().orElse(null);
    }

    private static String shown(List<String> rows) {
        if (rows.isEmpty()) {
            return "none";
        }
        String shown = String.join(" ", rows.subList(0, Math.min(SHOWN_ROWS, rows.size())));
        return rows.size() > SHOWN_ROWS ? shown + " … and " + (rows.size() - SHOWN_ROWS) + " more" : shown;
    }
}
