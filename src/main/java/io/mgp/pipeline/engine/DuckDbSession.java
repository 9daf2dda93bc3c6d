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
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A session of {@link DuckDbEngine}: an in-memory DuckDB catalog of its own, where the lake's tables are views over their
 * files.
 */
final class DuckDbSession implements EngineSession {

    private final Connection duck;
    private Statement sql;
    /**
     * A statement per staged version, which reads it until it is published or set aside: DuckDB's driver closes a
     * statement whose query failed, and a failure must not take the versions staged before it along.
     */
    private final Map<LakeTables.Staged, Statement> readers = new IdentityHashMap<>();
    private final LakeTables lakeTables;

    DuckDbSession(Connection duck, LakeTables lakeTables) throws SQLException {
        this.duck = duck;
        this.sql = duck.createStatement();
        this.lakeTables = lakeTables;
    }

    /** The session's statement; DuckDB's driver closes a statement whose query failed, so a new one replaces it. */
    Statement sql() throws SQLException {
        if (sql.isClosed()) {
            sql = duck.createStatement();
        }
        return sql;
    }

    /** Makes the published version of {@code layer.name} readable, when there is one. */
    void register(String table) throws SQLException {
        String[] id = table.split("\\.", 2);
        schema(table);
        lakeTables.register(sql(), id[0], id[1]);
    }

    @Override
    public void readPublished(String id) throws SQLException {
        sql().execute("DROP VIEW IF EXISTS " + id);
        register(id);
    }

    @Override
    public void define(String id, String select) throws SQLException {
        schema(id);
        sql().execute("CREATE OR REPLACE VIEW " + id + " AS " + select);
    }

    @Override
    public void define(String id, Map<String, String> columns, List<Map<String, Object>> rows) throws SQLException {
        StringJoiner declared = new StringJoiner(", ");
        columns.forEach((name, type) -> declared.add(quoted(name) + " " + type));
        schema(id);
        sql().execute("CREATE OR REPLACE TABLE " + id + " (" + declared + ")");
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
        try (Statement query = duck.createStatement()) {
            return SelectColumns.of(query, select);
        }
    }

    @Override
    public Map<Long, Long> countsByKey(String query) throws SQLException {
        Map<Long, Long> counts = new HashMap<>();
        try (Statement statement = duck.createStatement(); ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                counts.put(result.getLong(1), result.getLong(2));
            }
        }
        return counts;
    }

    @Override
    public void store(String query, long limit, Path file) throws SQLException {
        try (Statement statement = duck.createStatement()) {
            statement.execute(SqlResource.load("sql/tests/store-failures.sql", Map.of("test", query,
                    "limit", String.valueOf(limit), "file", SqlResource.literal(file))));
        }
    }

    @Override
    public List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = duck.createStatement(); ResultSet result = statement.executeQuery(query)) {
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
    public LakeTables.Staged stage(String layer, String name, String select, Map<String, String> columns, Partitioning partitioning)
            throws SQLException {
        Statement reader = duck.createStatement();
        try {
            LakeTables.Staged staged = lakeTables.stage(reader, layer, name, select, columns, partitioning);
            readers.put(staged, reader);
            return staged;
        } catch (SQLException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    public void publish(String layer, String name, LakeTables.Staged staged) throws SQLException {
        staged.publish();
        // a version that could not be published is set aside next, through its reader
        closeReader(staged);
    }

    @Override
    public String discard(String layer, String name, LakeTables.Staged staged) throws SQLException {
        try {
            return staged.discard();
        } finally {
            closeReader(staged);
        }
    }

    private void closeReader(LakeTables.Staged staged) throws SQLException {
        Statement reader = readers.remove(staged);
        if (reader != null) {
            reader.close();
        }
    }

    @Override
    public void close() throws SQLException {
        try (duck) {
            sql.close();
            for (Statement reader : readers.values()) {
                reader.close();
            }
        }
    }

    /** The schema of a qualified name, created when missing. */
    private void schema(String id) throws SQLException {
        int dot = id.indexOf('.');
        if (dot > 0) {
            sql().execute(SqlResource.load("sql/lake/create-schema.sql", Map.of("schema", id.substring(0, dot))));
        }
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
