package io.mgp.pipeline.lake.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallingThreadTest {

    @TempDir
    Path folder;

    @Test
    void aTaskRunsInTheThreadThatHandsItOverAndIsDoneWhenHandedOver() {
        AtomicReference<Thread> ranIn = new AtomicReference<>();

        Future<?> task = CallingThread.EXECUTOR.submit(() -> ranIn.set(Thread.currentThread()));

        // Iceberg's Tasks.waitFor sleeps 10 ms whenever a task is not done at its first look
        assertTrue(task.isDone());
        assertEquals(Thread.currentThread(), ranIn.get());
    }

    @Test
    void theSharedExecutorIgnoresShutdown() {
        // Iceberg does not shut down an executor it is given; were a caller to, every later commit would fail
        CallingThread.EXECUTOR.shutdown();
        CallingThread.EXECUTOR.shutdownNow();

        assertFalse(CallingThread.EXECUTOR.isShutdown());
        assertTrue(CallingThread.EXECUTOR.submit(() -> 1).isDone());
    }

    @Test
    void aCommitWritesItsManifestsInTheCommittingThread() throws Exception {
        try (JdbcCatalog catalog = new JdbcCatalog()) {
            catalog.initialize("lake", Map.of(CatalogProperties.URI, "jdbc:sqlite:" + folder.resolve("catalog.db"),
                    CatalogProperties.WAREHOUSE_LOCATION, folder.toString(), CatalogProperties.FILE_IO_IMPL,
                    WritersRecorded.class.getName(), "jdbc.schema-version", "V1"));
            catalog.createNamespace(Namespace.of("silver"));
            Table table = catalog.createTable(TableIdentifier.of("silver", "seasons"),
                    new Schema(Types.NestedField.required(1, "id", Types.LongType.get())));
            WritersRecorded.MANIFEST_WRITERS.clear();

            CallingThread.commits(table.newAppend()).appendFile(dataFile("a")).commit();
            CallingThread.commits(table.newOverwrite()).addFile(dataFile("b")).deleteFile(dataFile("a")).commit();

            assertEquals(Set.of(Thread.currentThread().getName()), Set.copyOf(WritersRecorded.MANIFEST_WRITERS));
            Set<String> files = new HashSet<>();
            try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
                tasks.forEach(task -> files.add(task.file().location()));
            }
            assertEquals(Set.of("b"), files);
        }
    }

    private static DataFile dataFile(String path) {
        return DataFiles.builder(PartitionSpec.unpartitioned()).withPath(path).withFormat("parquet").withFileSizeInBytes(10)
                .withRecordCount(1).build();
    }

    /** The lake's FileIO, noting which thread writes each manifest (the {@code .avro} files but manifest lists). */
    public static final class WritersRecorded implements FileIO {
        static final Queue<String> MANIFEST_WRITERS = new ConcurrentLinkedQueue<>();
        private final LocalFileIO files = new LocalFileIO();

        @Override
        public OutputFile newOutputFile(String path) {
            if (path.endsWith(".avro") && !path.contains("/snap-")) {
                MANIFEST_WRITERS.add(Thread.currentThread().getName());
            }
            return files.newOutputFile(path);
        }

        @Override
        public InputFile newInputFile(String path) {
            return files.newInputFile(path);
        }

        @Override
        public void deleteFile(String path) {
            files.deleteFile(path);
        }
    }
}
