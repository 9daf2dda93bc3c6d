package io.mgp.pipeline.lake.iceberg;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.lake.Partitioning;
import java.util.List;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdatePartitionSpec;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * A table's Iceberg partition spec from its model's {@code partition_by}: the identity of each column, which must be
 * an integer, a bigint or a varchar (values DuckDB and Iceberg's expressions share as they are).
 */
final class PartitionLayout {

    private static final List<Type.TypeID> PARTITION_TYPES = List.of(Type.TypeID.INTEGER, Type.TypeID.LONG, Type.TypeID.STRING);

    private PartitionLayout() {
    }

    /** The spec of a new table with that schema. */
    static PartitionSpec spec(String table, Schema schema, Partitioning partitioning) {
        PartitionSpec.Builder spec = PartitionSpec.builderFor(schema);
        for (String column : partitioning.columns()) {
            Types.NestedField field = schema.findField(column);
            if (field == null) {
                throw new PipelineException(table + ": partition_by names " + column + ", which the model does not return");
            }
            if (!PARTITION_TYPES.contains(field.type().typeId())) {
                throw new PipelineException(table + ": partition_by column " + column + " is " + field.type()
                        + "; partition by an integer, bigint or varchar column");
            }
            spec.identity(column);
        }
        return spec.build();
    }

    /** Evolves an existing table's spec to the model's partitioning, in one commit when it changes. */
    static void evolve(String id, Table table, Partitioning partitioning) {
        spec(id, table.schema(), partitioning);
        List<String> current = columns(table.spec(), table.schema());
        if (current.equals(partitioning.columns())) {
            return;
        }
        UpdatePartitionSpec update = table.updateSpec();
        table.spec().fields().stream().filter(field -> !field.transform().isVoid()).map(PartitionField::name).forEach(update::removeField);
        partitioning.columns().forEach(update::addField);
        update.commit();
    }

    /** The columns a spec partitions by, in its order. */
    static List<String> columns(PartitionSpec spec, Schema schema) {
        return spec.fields().stream().filter(field -> !field.transform().isVoid())
                .map(field -> schema.findColumnName(field.sourceId())).toList();
    }

    /** The rows of the partitions given by their values (each list in the spec's order; a value may be null). */
    static Expression rowsOf(List<String> columns, List<List<Object>> partitions) {
        Expression any = Expressions.alwaysFalse();
        for (List<Object> values : partitions) {
            Expression all = Expressions.alwaysTrue();
            for (int i = 0; i < columns.size(); i++) {
                Object value = values.get(i);
                all = Expressions.and(all, value == null ? Expressions.isNull(columns.get(i)) : Expressions.equal(columns.get(i), value));
            }
            any = Expressions.or(any, all);
        }
        return any;
    }
}
