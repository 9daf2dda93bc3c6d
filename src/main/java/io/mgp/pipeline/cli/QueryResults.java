package io.mgp.pipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A query's rows as text: an aligned table, CSV (RFC 4180) or JSON (one object a line). */
final class QueryResults {

    /** How often a long output checks that its reader is still there (such as {@code | head}). */
    private static final int CHECK_EVERY = 1_000;

    private final ResultSet rows;
    private final List<String> names = new ArrayList<>();

    QueryResults(ResultSet rows) throws SQLException {
        this.rows = rows;
        ResultSetMetaData columns = rows.getMetaData();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            names.add(columns.getColumnLabel(i));
        }
    }

    /** The rows as a table, its columns as wide as their widest value: it holds them all before printing. */
    long table(PrintWriter out) throws SQLException {
        List<List<String>> values = new ArrayList<>();
        int[] widths = names.stream().mapToInt(String::length).toArray();
        while (rows.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= names.size(); i++) {
                String value = rows.getString(i);
                row.add(value == null ? "NULL" : value);
                widths[i - 1] = Math.max(widths[i - 1], row.get(i - 1).length());
            }
            values.add(row);
        }
        out.println(line(names, widths));
        values.forEach(row -> out.println(line(row, widths)));
        out.printf("(%,d row%s)%n", values.size(), values.size() == 1 ? "" : "s");
        out.flush();
        return values.size();
    }

    /** The rows as CSV, written as they come; NULL is an empty field, an empty string a quoted one. */
    long csv(PrintWriter out) throws SQLException {
        out.println(String.join(",", names.stream().map(QueryResults::csvField).toList()));
        long count = 0;
        while (rows.next() && reading(out, ++count)) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= names.size(); i++) {
                row.add(csvField(rows.getString(i)));
            }
            out.println(String.join(",", row));
        }
        out.flush();
        return count;
    }

    /** The rows as JSON objects, one a line, written as they come: numbers and booleans as such, the rest as text. */
    long json(PrintWriter out) throws SQLException {
        ObjectMapper json = new ObjectMapper();
        long count = 0;
        while (rows.next() && reading(out, ++count)) {
            ObjectNode row = json.createObjectNode();
            for (int i = 1; i <= names.size(); i++) {
                Object value = rows.getObject(i);
                row.set(names.get(i - 1), json.valueToTree(value instanceof Number || value instanceof Boolean ? value : rows.getString(i)));
            }
            out.println(row);
        }
        out.flush();
        return count;
    }

    /** False once the output is closed, so that a query piped to {@code head} stops. */
    private static boolean reading(PrintWriter out, long count) {
        return count % CHECK_EVERY != 0 || !out.checkError();
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", cells.get(i)));
        }
        return line.toString().stripTrailing();
    }

    private static String csvField(String value) {
        if (value == null) {
            return "";
        }
        return value.isEmpty() || value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
