package io.mgp.pipeline.models;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Runs a model's unit test in an empty in-memory DuckDB: each table the model reads is created with its declared
 * columns and types and holds the given rows (none when not given), the model's SELECT runs on them, and its result
 * must equal the expected rows as a multiset, on the columns the expected rows name.
 */
public final class UnitTestRunner {

    private static final int SHOWN_ROWS = 5;

    private final Catalog catalog;

    public UnitTestRunner(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Null when the model returned the expected rows; otherwise the rows that differ. */
    public String difference(UnitTest test) {
        Node model = catalog.node(test.model());
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            for (String table : model.dependsOn()) {
                create(sql, catalog.node(table), table);
            }
            for (UnitTest.Given given : test.given()) {
                insert(duck, catalog.node(given.table()), given.table(), given.rows());
            }
            sql.execute("CREATE TABLE actual AS " + model.sql());
            Set<String> columns = new LinkedHashSet<>();
            test.expect().forEach(row -> columns.addAll(row.keySet()));
            Map<String, String> types = actualTypes(sql);
            for (String column : columns) {
                if (!types.containsKey(column)) {
                    return "expects a column " + column + ", which " + model.id() + " does not return (it returns "
                            + String.join(", ", types.keySet()) + ")";
                }
            }
            createExpected(sql, columns, types);
            insert(duck, "expected", types, test.expect());
            String list = String.join(", ", columns.stream().map(c -> '"' + c + '"').toList());
            List<String> missing = rows(sql, "SELECT " + list + " FROM expected EXCEPT ALL SELECT " + list + " FROM actual");
            List<String> extra = rows(sql, "SELECT " + list + " FROM actual EXCEPT ALL SELECT " + list + " FROM expected");
            if (missing.isEmpty() && extra.isEmpty()) {
                return null;
            }
            return "expected but not returned: " + shown(missing) + "; returned but not expected: " + shown(extra);
        } catch (SQLException e) {
            return "cannot run: " + e.getMessage().lines().findFirst().orElse("");
        }
    }

    private static void create(Statement sql, Node table, String id) throws SQLException {
        StringJoiner columns = new StringJoiner(", ");
        for (Column column : table.columns()) {
            columns.add('"' + column.name() + "\" " + (column.dataType() == null ? "VARCHAR" : column.dataType()));
        }
        sql.execute("CREATE SCHEMA IF NOT EXISTS " + table.layer());
        sql.execute("CREATE TABLE " + id + " (" + columns + ")");
    }

    private static void insert(Connection duck, Node table, String id, List<Map<String, Object>> rows) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        table.columns().forEach(c -> types.put(c.name(), c.dataType() == null ? "VARCHAR" : c.dataType()));
        for (Map<String, Object> row : rows) {
            for (String column : row.keySet()) {
                if (!types.containsKey(column)) {
                    throw new SQLException("given rows of " + id + " have a column " + column + ", which " + id
                            + " does not declare (it declares " + String.join(", ", types.keySet()) + ")");
                }
            }
        }
        insert(duck, id, types, rows);
    }

    /** Each value cast from its text to the column's type, as a user writes it in YAML. */
    private static void insert(Connection duck, String table, Map<String, String> types, List<Map<String, Object>> rows)
            throws SQLException {
        for (Map<String, Object> row : rows) {
            StringJoiner names = new StringJoiner(", ");
            StringJoiner values = new StringJoiner(", ");
            row.keySet().forEach(column -> {
                names.add('"' + column + '"');
                values.add("CAST(? AS " + types.get(column) + ")");
            });
            try (PreparedStatement insert = duck.prepareStatement("INSERT INTO " + table + " (" + names + ") VALUES (" + values + ")")) {
                int i = 1;
                for (Object value : row.values()) {
                    insert.setObject(i++, value == null ? null : String.valueOf(value));
                }
                insert.execute();
            }
        }
    }

    private static Map<String, String> actualTypes(Statement sql) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (ResultSet described = sql.executeQuery("SELECT column_name, column_type FROM (DESCRIBE actual)")) {
            while (described.next()) {
                types.put(described.getString(1), described.getString(2));
            }
        }
        return types;
    }

    private static void createExpected(Statement sql, Set<String> columns, Map<String, String> types) throws SQLException {
        StringJoiner declared = new StringJoiner(", ");
        columns.forEach(c -> declared.add('"' + c + "\" " + types.get(c)));
        sql.execute("CREATE TABLE expected (" + declared + ")");
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                StringJoiner row = new StringJoiner(", ", "{", "}");
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(meta.getColumnName(i) + ": " + result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static String shown(List<String> rows) {
        if (rows.isEmpty()) {
            return "none";
        }
        String shown = String.join(" ", rows.subList(0, Math.min(SHOWN_ROWS, rows.size())));
        return rows.size() > SHOWN_ROWS ? shown + " … and " + (rows.size() - SHOWN_ROWS) + " more" : shown;
    }
}
