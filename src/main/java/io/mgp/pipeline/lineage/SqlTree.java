package io.mgp.pipeline.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** DuckDB's own parse tree of SQL text ({@code json_serialize_sql}): the tables and columns its statements read. */
public final class SqlTree {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SqlTree() {
    }

    /**
     * The tree of every statement of the text.
     *
     * @throws IllegalArgumentException with DuckDB's message, on one line, when the text does not parse
     */
    public static JsonNode parse(Connection duck, String sql) throws SQLException {
        try (PreparedStatement serialize = duck.prepareStatement("SELECT json_serialize_sql(?)")) {
            serialize.setString(1, sql);
            try (ResultSet result = serialize.executeQuery()) {
                result.next();
                JsonNode tree = JSON.readTree(result.getString(1));
                if (tree.path("error").asBoolean()) {
                    throw new IllegalArgumentException(tree.path("error_message").asText().replace('\n', ' '));
                }
                return tree;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("DuckDB's parse tree is not JSON", e);
        }
    }
}
