package io.mgp.pipeline.engine;

import io.mgp.pipeline.duck.SelectColumns;
import io.mgp.pipeline.duck.SqlResource;
import io.mgp.pipeline.lake.LakeTables;
import io.mgp.pipeline.lake.Partitioning;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A session of {@link DuckDbEngine}: an in-memory DuckDB catalog of its own, where the lake's tables are views over their
 * files.
 */
final class DuckDbSession implements EngineSession {

    private final Connection duck;
    private final Statement sql;
    private final LakeTables lakeTables;

    DuckDbSession(Connection duck, LakeTables lakeTables) throws SQLException {
        this.duck = duck;
        this.sql = duck.createStatement();
        this.lakeTables = lakeTables;
    }

    Statement sql() {
        return sql;
    }

    /** Makes the published version of {@code layer.name} readable, when there is one. */
    void register(String table) throws SQLException {
        String[] id = table.split("\\.", 2);
        schema(table);
        lakeTables.register(sql, id[0], id[1]);
    }

    @Override
    public void readPublished(String id) throws SQLException {
        sql.execute("DROP VIEW IF EXISTS " + id);
        register(id);
    }

    @Override
    public void define(String id, String select) throws SQLException {
        schema(id);
        sql.execute("CREATE OR REPLACE VIEW " + id + " AS " + select);
    }

    @Override
    public void define(String id, Map<String, String> columns, List<Map<String, Object>> rows) throws SQLException {
        StringJoiner declared = new StringJoiner(", ");
        columns.forEach((name, type) -> declared.add(quoted(name) + " " + type));
        schema(id);
        sql.execute("CREATE OR REPLACE TABLE " + id + " (" + declared + ")");
        for (Map<String, Object> row : rows) {
            StringJoiner names = new StringJoiner(", ");
            StringJoiner values = new StringJoiner(", ");
            row.keySet().forEach(column -> {
                names.add(quoted(column));
                values.add("CAST(? AS " + columns.get(column) + ")");
            });
            try (PreparedStatement insert = duck.prepareStatement("INSERT INTO " + id + " (" + names + ") VALUES (" + values + ")")) {
                int i = 1;
                for (Object value : row.values()) {
                    insert.setObject(i++, value == null ? null : String.valueOf(value));
                }
                insert.execute();
            }
        }
    }

    @Override
    public Map<String, String> columns(String select) throws SQLException {
        return SelectColumns.of(sql, select);
    }

    @Override
    public long count(String query) throws SQLException {
        try (ResultSet count = sql.executeQuery(query)) {
            count.next();
            return count.getLong(1);
        }
    }

    @Override
    public void store(String query, long limit, Path file) throws SQLException {
        sql.execute(SqlResource.load("sql/tests/store-failures.sql", Map.of("test", query,
                "limit", String.valueOf(limit), "file", SqlResource.literal(file))));
    }

    @Override
    public List<String> rows(String query) throws SQLException {
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

    @Override
    public LakeTables.Staged stage(String layer, String name, String select, Partitioning partitioning) throws SQLException {
        return lakeTables.stage(sql, layer, name, select, partitioning);
    }

    @Override
    public void publish(String layer, String name, LakeTables.Staged staged) throws SQLException {
        staged.publish();
    }

    @Override
    public String discard(String layer, String name, LakeTables.Staged staged) throws SQLException {
        return staged.discard();
    }

    @Override
    public void close() throws SQLException {
        try (duck; sql) {
            // both closed
        }
    }

    /** The schema of a qualified name, created when missing. */
    private void schema(String id) throws SQLException {
        int dot = id.indexOf('.');
        if (dot > 0) {
            sql.execute(SqlResource.load("sql/lake/create-schema.sql", Map.of("schema", id.substring(0, dot))));
        }
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
