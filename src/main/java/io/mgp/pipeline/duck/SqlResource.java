package io.mgp.pipeline.duck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** A SQL statement kept as a {@code .sql} file on the classpath, with {@code ${name}} placeholders. */
public final class SqlResource {

    private SqlResource() {
    }

    public static String load(String path) {
        try (InputStream in = SqlResource.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource not found on the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read SQL resource " + path, e);
        }
    }

    /** The path of a SQL resource, if the classpath has it. */
    public static Optional<String> find(String path) {
        return Optional.ofNullable(SqlResource.class.getClassLoader().getResource(path)).map(url -> path);
    }

    /** Loads the statement and fills its placeholders; values are inserted as written, so quote them first. */
    public static String load(String path, Map<String, String> values) {
        String sql = load(path);
        for (Map.Entry<String, String> v : values.entrySet()) {
            sql = sql.replace("${" + v.getKey() + "}", v.getValue());
        }
        return sql;
    }

    /** A SQL string literal: {@code it's} becomes {@code 'it''s'}. */
    public static String literal(Object value) {
        return "'" + String.valueOf(value).replace("'", "''") + "'";
    }
}
