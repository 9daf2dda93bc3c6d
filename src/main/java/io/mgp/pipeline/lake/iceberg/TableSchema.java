package io.mgp.pipeline.lake.iceberg;

import io.mgp.pipeline.PipelineException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;

/**
 * A model's columns as an Iceberg schema: the types of its SELECT as DuckDB binds it (which the model's contract has
 * checked against its YAML), mapped to Iceberg's. An existing table's schema evolves to them: a new column is added,
 * a widened one (int to long, float to double) promoted, a dropped one deleted, and its history kept; any other change
 * of type is an error naming the column. A schema is the table's, not a branch's: it changes when the model is
 * staged, before its audit, and a build whose audit fails puts it back ({@link TableShape}).
 */
final class TableSchema {

    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");

    private final String table;
    private final Map<String, Type> columns;

    private TableSchema(String table, Map<String, Type> columns) {
        this.table = table;
        this.columns = columns;
    }

    /** The columns named, with DuckDB's names of their types, in order (an engine's result, mapped to DuckDB's names). */
    static TableSchema of(String table, Map<String, String> duckTypes) {
        Map<String, Type> columns = new LinkedHashMap<>();
        duckTypes.forEach((column, type) -> columns.put(column, icebergType(table, column, type)));
        return new TableSchema(table, columns);
    }

    /** A new table's schema, field ids from 1 in the SELECT's order. */
    Schema schema() {
        List<Types.NestedField> fields = new ArrayList<>();
        columns.forEach((name, type) -> fields.add(Types.NestedField.optional(fields.size() + 1, name, type)));
        return new Schema(fields);
    }

    /** Evolves an existing table to these columns, in one schema commit when anything changes. */
    void evolve(Table existing) {
        Schema current = existing.schema();
        UpdateSchema update = existing.updateSchema();
        boolean changed = false;
        for (Map.Entry<String, Type> column : columns.entrySet()) {
            Types.NestedField field = current.findField(column.getKey());
            if (field == null) {
                update.addColumn(column.getKey(), column.getValue());
                changed = true;
            } else if (!field.type().equals(column.getValue())) {
                if (!column.getValue().isPrimitiveType() || !TypeUtil.isPromotionAllowed(field.type(), column.getValue().asPrimitiveType())) {
                    throw new PipelineException(table + ": column " + column.getKey() + " changes from " + field.type() + " to "
                            + column.getValue() + ", which its Iceberg table cannot take: cast it back in the model, or start the lake over"
                            + " with 'run --full-refresh'");
                }
                update.updateColumn(column.getKey(), column.getValue().asPrimitiveType());
                changed = true;
            }
        }
        for (Types.NestedField field : current.columns()) {
            if (!columns.containsKey(field.name())) {
                update.deleteColumn(field.name());
                changed = true;
            }
        }
        if (changed) {
            update.commit();
        }
    }

    /** DuckDB's {@code FIELD_IDS} option for the table's schema: readers match columns by these ids, not positions. */
    static String fieldIds(Schema schema) {
        return schema.columns().stream().map(f -> "\"" + f.name().replace("\"", "\"\"") + "\": " + f.fieldId())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** A query with the schema's columns, typed as DuckDB reads them, and no rows: a table without data files. */
    static String noRows(Schema schema) {
        return schema.columns().stream().map(field -> "CAST(NULL AS " + duckType(field.type()) + ") AS " + DataFileWriter.quoted(field.name()))
                .collect(Collectors.joining(", ", "SELECT ", " WHERE false"));
    }

    private static String duckType(Type type) {
        return switch (type.typeId()) {
            case BOOLEAN -> "BOOLEAN";
            case INTEGER -> "INTEGER";
            case LONG -> "BIGINT";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case STRING -> "VARCHAR";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> ((Types.TimestampType) type).shouldAdjustToUTC() ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
            case UUID -> "UUID";
            case BINARY -> "BLOB";
            case DECIMAL -> "DECIMAL(" + ((Types.DecimalType) type).precision() + ", " + ((Types.DecimalType) type).scale() + ")";
            default -> throw new IllegalArgumentException("no DuckDB type for " + type + ": no model makes one");
        };
    }

    private static Type icebergType(String table, String column, String duckType) {
        String type = duckType.toUpperCase(Locale.ROOT);
        Matcher decimal = DECIMAL.matcher(type);
        if (decimal.matches()) {
            return Types.DecimalType.of(Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)));
        }
        return switch (type) {
            case "BOOLEAN" -> Types.BooleanType.get();
            case "INTEGER" -> Types.IntegerType.get();
            case "BIGINT" -> Types.LongType.get();
            case "FLOAT" -> Types.FloatType.get();
            case "DOUBLE" -> Types.DoubleType.get();
            case "VARCHAR" -> Types.StringType.get();
            case "DATE" -> Types.DateType.get();
            case "TIME" -> Types.TimeType.get();
            case "TIMESTAMP" -> Types.TimestampType.withoutZone();
            case "TIMESTAMP WITH TIME ZONE" -> Types.TimestampType.withZone();
            case "UUID" -> Types.UUIDType.get();
            case "BLOB" -> Types.BinaryType.get();
            default -> throw new PipelineException(table + ": column " + column + " is " + duckType
                    + ", which an Iceberg table cannot hold: cast it in the model to one that can (e.g. INTEGER, BIGINT, DOUBLE, VARCHAR)");
        };
    }
}
