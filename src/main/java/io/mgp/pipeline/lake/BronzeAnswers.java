package io.mgp.pipeline.lake;

import io.mgp.pipeline.duck.SqlResource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API's answers on their way to bronze: a pages table holds them as they arrived, one row per request
 * ({@code sql/lake/bronze-pages.sql}), and a bronze table's query unnests them into its rows
 * ({@code sql/bronze/<table>.sql}).
 */
public final class BronzeAnswers {

    private BronzeAnswers() {
    }

    /** Creates an empty temporary pages table of that name. */
    public static void createPages(Statement sql, String name) throws SQLException {
        sql.execute(SqlResource.load("sql/lake/bronze-pages.sql", Map.of("table", name)));
    }

    /** The columns of a pages table, in order. */
    public static List<String> pageColumns(Statement sql, String name) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet described = sql.executeQuery(SqlResource.load("sql/lake/table-columns.sql", Map.of("table", name)))) {
            while (described.next()) {
                columns.add(described.getString(1));
            }
        }
        return columns;
    }

    /**
     * The query that unnests a pages table (or any relation of its columns) into a bronze table's rows; empty when
     * the crawl writes no such table.
     */
    public static Optional<String> rows(String bronzeTable, String pages) {
        return SqlResource.find("sql/bronze/" + bronzeTable + ".sql").map(query -> SqlResource.load(query, Map.of("pages", pages)));
    }
}
