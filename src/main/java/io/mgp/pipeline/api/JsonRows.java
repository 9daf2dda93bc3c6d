package io.mgp.pipeline.api;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rows of one seed table grouped by lookup key, rendered to a JSON array on request.
 * Rows are kept as compact value arrays with shared strings rather than as pre-rendered JSON,
 * so ten times the real data still fits a small heap.
 */
final class JsonRows {

    static final byte[] EMPTY = {'[', ']'};
    private static final JsonFactory JSON = new JsonFactory();

    private final SerializableString[] fields;
    private final Map<String, List<Object[]>> groups;

    JsonRows(List<String> fields, Map<String, List<Object[]>> groups) {
        this(fields.stream().map(SerializedString::new).toArray(SerializableString[]::new), groups);
    }

    private JsonRows(SerializableString[] fields, Map<String, List<Object[]>> groups) {
        this.fields = fields;
        this.groups = groups;
    }

    /**
     * The rows of parts that hold different groups, as one. Only keys that merely print alike (a null id and the
     * text "null") can meet here: their rows are put together, as one read would have.
     */
    static JsonRows union(List<JsonRows> parts) {
        Map<String, List<Object[]>> groups = new HashMap<>();
        parts.forEach(part -> part.groups.forEach((key, rows) -> groups.merge(key, rows, (held, more) -> {
            List<Object[]> all = new ArrayList<>(held);
            all.addAll(more);
            return all;
        })));
        return new JsonRows(parts.get(0).fields, groups);
    }

    /** The key under which a row with these key values is grouped. */
    static String key(List<String> values) {
        return String.join("\u001f", values);
    }

    long rowCount() {
        return groups.values().stream().mapToLong(List::size).sum();
    }

    byte[] render(String key) {
        List<Object[]> rows = groups.get(key);
        if (rows == null) {
            return EMPTY;
        }
        // ~24 bytes per field (a name and a short value or an id) avoids regrowing the buffer
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 + rows.size() * fields.length * 24);
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartArray();
            for (Object[] row : rows) {
                writeRow(json, row);
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void writeRow(JsonGenerator json, Object[] row) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < fields.length; i++) {
            json.writeFieldName(fields[i]);
            Object value = row[i];
            if (value == null) {
                json.writeNull();
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                json.writeNumber(((Number) value).longValue());
            } else if (value instanceof BigDecimal decimal) {
                json.writeNumber(decimal);
            } else if (value instanceof Number n) {
                json.writeNumber(n.doubleValue());
            } else {
                json.writeString(value.toString());
            }
        }
        json.writeEndObject();
    }

    /**
     * Collects rows into groups, sharing equal texts so repeated ids and names cost one copy (small numbers are
     * shared by Java already). Seed files list a group's rows together, so most values equal the previous row's:
     * those are reused without a lookup.
     */
    static final class Builder {
        private final List<String> fields;
        private final int[] keyIndexes;
        private final Map<String, List<Object[]>> groups = new HashMap<>();
        private final Map<String, String> shared = new HashMap<>();
        private Object[] previous;
        private List<Object[]> previousGroup;

        Builder(List<String> fields, List<String> keyFields) {
            this.fields = fields;
            this.keyIndexes = keyFields.stream().mapToInt(fields::indexOf).toArray();
        }

        void add(Object[] row) {
            boolean sameKey = previous != null;
            for (int i = 0; i < row.length; i++) {
                if (previous != null && Objects.equals(row[i], previous[i])) {
                    row[i] = previous[i];
                } else {
                    row[i] = row[i] instanceof String text ? shared.computeIfAbsent(text, v -> v) : row[i];
                    sameKey &= !isKey(i);
                }
            }
            if (!sameKey) {
                String[] keyValues = new String[keyIndexes.length];
                for (int i = 0; i < keyIndexes.length; i++) {
                    keyValues[i] = String.valueOf(row[keyIndexes[i]]);
                }
                previousGroup = groups.computeIfAbsent(key(List.of(keyValues)), k -> new ArrayList<>());
            }
            previousGroup.add(row);
            previous = row;
        }

        private boolean isKey(int column) {
            for (int key : keyIndexes) {
                if (key == column) {
                    return true;
                }
            }
            return false;
        }

        JsonRows build() {
            return new JsonRows(fields, groups);
        }
    }
}
