package io.mgp.pipeline.lake.iceberg;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.duck.SqlResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.PartitionData;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;

/**
 * Data files of an Iceberg table written by DuckDB under the table's {@code data/} folder, with the field ids of the
 * table's schema, and described (size, metrics, partition) for the commit that adds them.
 */
final class DataFileWriter {

    private DataFileWriter() {
    }

    /**
     * Writes the rows of a query as new data files of the table: one file, or one per partition of a partitioned table
     * (none when there are no rows).
     *
     * @param prefix starts the new files' or folder's name (the id of the run that writes them)
     */
    static List<DataFile> write(Statement sql, Table table, String select, String prefix) throws SQLException {
        PartitionSpec spec = table.spec();
        if (spec.isUnpartitioned()) {
            return List.of(writeOne(sql, table, select, prefix, null));
        }
        Path folder = folder(table).resolve(prefix + "-" + UUID.randomUUID());
        // a spec evolved from another keeps the fields it dropped, as void ones that hold no value
        String columns = PartitionLayout.columns(spec, table.schema()).stream().map(DataFileWriter::quoted).collect(Collectors.joining(", "));
        sql.execute(SqlResource.load("sql/lake/iceberg/write-partitioned-data-files.sql", Map.of("model", select,
                "folder", SqlResource.literal(folder), "partition_columns", columns, "field_ids", TableSchema.fieldIds(table.schema()))));
        List<Path> files = parquetFiles(folder);
        if (files.isEmpty()) {
            return List.of();
        }
        Map<Path, StructLike> partitions = partitions(sql, spec, files, columns);
        Map<Path, Metrics> metrics = DataFileMetrics.of(sql, files, table.schema());
        List<DataFile> data = new ArrayList<>();
        for (Path file : files) {
            data.add(DataFiles.builder(spec).withPath(file.toString()).withFormat(FileFormat.PARQUET).withFileSizeInBytes(size(file))
                    .withMetrics(metrics.get(file)).withPartition(partitions.get(file)).build());
        }
        return data;
    }

    /**
     * Writes the rows of a query as one new data file of the table.
     *
     * @param partition the partition every row belongs to, or null for an unpartitioned table
     */
    static DataFile writeOne(Statement sql, Table table, String select, String prefix, StructLike partition) throws SQLException {
        Path file = folder(table).resolve(prefix + "-" + UUID.randomUUID() + ".parquet");
        sql.execute(SqlResource.load("sql/lake/iceberg/write-data-file.sql", Map.of("model", select,
                "file", SqlResource.literal(file), "field_ids", TableSchema.fieldIds(table.schema()))));
        DataFiles.Builder data = DataFiles.builder(table.spec()).withPath(file.toString()).withFormat(FileFormat.PARQUET)
                .withFileSizeInBytes(size(file)).withMetrics(DataFileMetrics.of(sql, List.of(file), table.schema()).get(file));
        return (partition == null ? data : data.withPartition(partition)).build();
    }

    /** A column's name as SQL reads it. */
    static String quoted(String column) {
        return '"' + column.replace("\"", "\"\"") + '"';
    }

    /** The partition of each file, read from its rows by DuckDB: the values as the table's partition type holds them. */
    private static Map<Path, StructLike> partitions(Statement sql, PartitionSpec spec, List<Path> files, String columns) throws SQLException {
        Map<String, Path> byName = new HashMap<>();
        files.forEach(file -> byName.put(file.toString(), file));
        Map<Path, StructLike> partitions = new HashMap<>();
        String list = files.stream().map(SqlResource::literal).collect(Collectors.joining(", ", "[", "]"));
        try (ResultSet rows = sql.executeQuery(SqlResource.load("sql/lake/iceberg/file-partitions.sql",
                Map.of("files", list, "partition_columns", columns)))) {
            while (rows.next()) {
                PartitionData partition = new PartitionData(spec.partitionType());
                List<PartitionField> fields = spec.fields();
                int column = 2;
                for (int i = 0; i < fields.size(); i++) {
                    partition.set(i, fields.get(i).transform().isVoid() ? null : rows.getObject(column++));
                }
                if (partitions.put(byName.get(rows.getString(1)), partition) != null) {
                    throw new IllegalStateException(rows.getString(1) + " holds more than one partition");
                }
            }
        }
        return partitions;
    }

    private static Path folder(Table table) {
        Path folder = LocalFileIO.path(table.location()).resolve("data");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new PipelineException("cannot write " + folder + ": " + PipelineException.reason(e), e);
        }
        return folder;
    }

    private static List<Path> parquetFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".parquet")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
