package io.mgp.pipeline.lake.iceberg;

import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.exceptions.CommitFailedException;

/**
 * A table's current schema and partition spec, by id. A schema and a spec are the table's, not a branch's: a build
 * that reshapes a table to stage a model changes what main reads before the audit, so a build whose audit fails puts
 * the table's shape back as it was, which keeps main exactly as published (the audited snapshot keeps its own schema).
 */
record TableShape(int schemaId, int specId) {

    static TableShape of(Table table) {
        return new TableShape(table.schema().schemaId(), table.spec().specId());
    }

    /**
     * Makes this the table's shape again, if the table is still in the shape {@code staged} (another process that
     * reshaped it since is left alone); returns whether it did. Retried when another process commits meanwhile.
     */
    boolean restore(Table table, TableShape staged, int attempts) {
        TableOperations operations = ((HasTableOperations) table).operations();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            TableMetadata current = operations.refresh();
            if (current.currentSchemaId() != staged.schemaId() || current.defaultSpecId() != staged.specId()) {
                return false;
            }
            try {
                operations.commit(current, TableMetadata.buildFrom(current).setCurrentSchema(schemaId).setDefaultPartitionSpec(specId).build());
                table.refresh();
                return true;
            } catch (CommitFailedException e) {
                // another process committed to the table: look at it again
            }
        }
        return false;
    }
}
