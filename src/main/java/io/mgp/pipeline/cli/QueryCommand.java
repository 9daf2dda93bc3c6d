package io.mgp.pipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.duck.SqlResource;
import io.mgp.pipeline.lake.BronzeViews;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.iceberg.IcebergTables;
import io.mgp.pipeline.lake.iceberg.LakeCatalog;
import io.mgp.pipeline.models.Node;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run a SQL query with DuckDB on the lake, every table readable by its name (bronze.events, silver.events,"
                + " gold.mgp), as published now or as of a run, a branch, a snapshot or a time.")
final class QueryCommand implements Callable<Integer> {

    enum Format { table, csv, json }

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SQL", description = "The query, such as \"SELECT count(*) FROM gold.mgp\".")
    String query;

    @Option(names = "--lake", paramLabel = "DIR", description = "The lake to read (default: lake).")
    String lake;

    @Option(names = "--as-of", paramLabel = "POINT",
            description = "Read silver and gold as they were: a run's tag (run-<run id>), a branch (audit-<run id>),"
                    + " a snapshot id (see 'history'), or a time (2026-12-05T07:54:20Z). Bronze is read as it is now.")
    String asOf;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), csv or json (one object a line).")
    Format format = Format.table;

    @Override
    public Integer call() throws SQLException {
        Lake opened = ExistingLake.open(lake);
        List<String> bronze = Project.catalog(Settings.get("mgp.project")).sources().stream().map(Node::name).toList();
        try (IcebergTables tables = new IcebergTables(opened, "query", false, () -> LakeCatalog.open(opened, Settings::get));
             Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement()) {
            BronzeViews.register(sql, opened, bronze);
            List<String> names = ExistingLake.hasCatalog(opened) ? tables.tableNames() : List.of();
            IcebergTables.PointInTime at = asOf == null ? null : tables.pointInTime(asOf, names);
            List<String> absent = new ArrayList<>();
            for (String name : names) {
                String layer = name.substring(0, name.indexOf('.'));
                sql.execute(SqlResource.load("sql/lake/create-schema.sql", Map.of("schema", layer)));
                boolean registered = at == null ? tables.register(sql, layer, name.substring(layer.length() + 1))
                        : tables.registerAt(sql, layer, name.substring(layer.length() + 1), at);
                if (!registered) {
                    absent.add(name);
                }
            }
            if (at != null && !names.isEmpty() && absent.size() == names.size()) {
                throw new PipelineException("no table of " + opened + " had a version at " + asOf);
            }
            try (ResultSet rows = sql.executeQuery(query)) {
                print(rows, command.commandLine().getOut());
            } catch (SQLException e) {
                throw new PipelineException("the query failed: " + PipelineException.firstLine(e)
                        + (at == null || absent.isEmpty() ? "" : " (at " + asOf + ", these tables had no version: " + String.join(", ", absent) + ")"), e);
            }
        }
        return 0;
    }

    private void print(ResultSet rows, PrintWriter out) throws SQLException {
        ResultSetMetaData columns = rows.getMetaData();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            names.add(columns.getColumnLabel(i));
        }
        List<List<String>> values = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        while (rows.next()) {
            if (format == Format.json) {
                ObjectNode row = json.createObjectNode();
                for (int i = 1; i <= names.size(); i++) {
                    row.set(names.get(i - 1), json.valueToTree(rows.getObject(i) instanceof Number || rows.getObject(i) instanceof Boolean
                            ? rows.getObject(i) : rows.getString(i)));
                }
                out.println(row);
            } else {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= names.size(); i++) {
                    row.add(rows.getString(i));
                }
                values.add(row);
            }
        }
        if (format == Format.csv) {
            out.println(String.join(",", names.stream().map(QueryCommand::csv).toList()));
            values.forEach(row -> out.println(String.join(",", row.stream().map(QueryCommand::csv).toList())));
        } else if (format == Format.table) {
            printTable(names, values, out);
        }
        out.flush();
    }

    private static void printTable(List<String> names, List<List<String>> values, PrintWriter out) {
        int[] widths = names.stream().mapToInt(String::length).toArray();
        for (List<String> row : values) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], String.valueOf(row.get(i)).length());
            }
        }
        out.println(line(names, widths));
        for (List<String> row : values) {
            out.println(line(row.stream().map(v -> v == null ? "NULL" : v).toList(), widths));
        }
        out.printf("(%,d row%s)%n", values.size(), values.size() == 1 ? "" : "s");
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", cells.get(i)));
        }
        return line.toString().stripTrailing();
    }

    /** RFC 4180: NULL is an empty field, an empty string a quoted one. */
    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        return value.isEmpty() || value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
