package io.mgp.pipeline.lake.iceberg;

import io.mgp.pipeline.PipelineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.PropertyUtil;

/**
 * Compaction: the data files of a table's main smaller than three quarters of its target file size (Iceberg's
 * {@code write.target-file-size-bytes}, as Iceberg's own rewrite counts small), two or more in one partition,
 * rewritten by DuckDB as one file and swapped in by one commit that fails if they changed meanwhile.
 */
final class SmallFiles {

    private SmallFiles() {
    }

    /** The groups of small files of main's current snapshot that compaction would merge, each one partition's. */
    static List<List<DataFile>> groups(Table table) {
        Snapshot current = table.currentSnapshot();
        if (current == null) {
            return List.of();
        }
        long small = PropertyUtil.propertyAsLong(table.properties(), TableProperties.WRITE_TARGET_FILE_SIZE_BYTES,
                TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT) * 3 / 4;
        Map<String, List<DataFile>> byPartition = new LinkedHashMap<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(current.snapshotId()).planFiles()) {
            for (FileScanTask task : tasks) {
                DataFile file = task.file();
                if (file.fileSizeInBytes() < small && task.deletes().isEmpty()) {
                    byPartition.computeIfAbsent(file.specId() + "/" + table.specs().get(file.specId()).partitionToPath(file.partition()),
                            key -> new ArrayList<>()).add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byPartition.values().stream().filter(files -> files.size() > 1).toList();
    }

    /** Rewrites one group as one file and commits the swap on main; the rows are the same, or nothing is committed. */
    static void compact(Statement sql, Table table, List<DataFile> group, String runId) throws SQLException {
        String columns = table.schema().columns().stream().map(column -> DataFileWriter.quoted(column.name()))
                .collect(Collectors.joining(", "));
        String files = group.stream().map(file -> io.mgp.pipeline.duck.SqlResource.literal(LocalFileIO.path(file.location())))
                .collect(Collectors.joining(", ", "[", "]"));
        DataFile merged = DataFileWriter.writeOne(sql, table,
                "SELECT " + columns + " FROM read_parquet(" + files + ", union_by_name = true)", runId, group.get(0).partition());
        long rows = group.stream().mapToLong(DataFile::recordCount).sum();
        if (merged.recordCount() != rows) {
            table.io().deleteFile(merged.location());
            throw new PipelineException(table.name() + ": compacting " + group.size() + " files gave " + merged.recordCount()
                    + " rows instead of " + rows + "; nothing changed");
        }
        RewriteFiles rewrite = CallingThread.commits(table.newRewrite()).validateFromSnapshot(table.currentSnapshot().snapshotId());
        group.forEach(rewrite::deleteFile);
        rewrite.addFile(merged).set(IcebergTables.RUN_ID, runId).commit();
    }
}
