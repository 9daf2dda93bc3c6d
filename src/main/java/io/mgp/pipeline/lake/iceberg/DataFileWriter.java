package io.mgp.pipeline.lake.iceberg;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.duck.SqlResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;

/**
 * A data file of an Iceberg table, written by DuckDB under the table's {@code data/} folder with the field ids of
 * the table's schema, and described (size, metrics, partition) for the commit that adds it.
 */
final class DataFileWriter {

    private DataFileWriter() {
    }

    /**
     * Writes the rows of a query as a new data file of the table.
     *
     * @param prefix starts the file's name (the id of the run that writes it)
     * @param partition the partition every row belongs to, or null for an unpartitioned table
     */
    static DataFile write(Statement sql, Table table, String select, String prefix, StructLike partition) throws SQLException {
        Path file = LocalFileIO.path(table.location()).resolve("data").resolve(prefix + "-" + UUID.randomUUID() + ".parquet");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new PipelineException("cannot write " + file.getParent() + ": " + PipelineException.reason(e), e);
        }
        sql.execute(SqlResource.load("sql/lake/iceberg/write-data-file.sql", Map.of("model", select,
                "file", SqlResource.literal(file), "field_ids", TableSchema.fieldIds(table.schema()))));
        DataFiles.Builder data = DataFiles.builder(table.spec()).withPath(file.toString()).withFormat(FileFormat.PARQUET)
                .withFileSizeInBytes(size(file)).withMetrics(DataFileMetrics.of(sql, file, table.schema()));
        return (partition == null ? data : data.withPartition(partition)).build();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
