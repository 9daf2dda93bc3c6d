package io.mgp.pipeline.lake.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.lake.Lake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.BulkDeletionFailureException;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileIOTest {

    @TempDir
    Path folder;

    @Test
    void aBulkDeleteDeletesEveryFileNamedWithOrWithoutAScheme() throws Exception {
        Path first = Files.writeString(folder.resolve("v1.metadata.json"), "{}");
        Path second = Files.writeString(folder.resolve("v2.metadata.json"), "{}");
        Path kept = Files.writeString(folder.resolve("v3.metadata.json"), "{}");

        new LocalFileIO().deleteFiles(List.of(first.toString(), second.toUri().toString(), folder.resolve("gone").toString()));

        assertFalse(Files.exists(first));
        assertFalse(Files.exists(second));
        assertTrue(Files.exists(kept));
    }

    @Test
    void theMetadataFilesATableKeepsNoLongerAreDeletedAfterEachCommit() throws Exception {
        try (JdbcCatalog catalog = LakeCatalog.open(new Lake(folder.toString()), key -> null)) {
            catalog.createNamespace(Namespace.of("silver"));
            Table table = catalog.createTable(TableIdentifier.of("silver", "seasons"),
                    new Schema(Types.NestedField.required(1, "id", Types.LongType.get())), PartitionSpec.unpartitioned(),
                    Map.of("write.metadata.delete-after-commit.enabled", "true", "write.metadata.previous-versions-max", "2"));

            for (int version = 1; version <= 5; version++) {
                table.updateProperties().set("version", String.valueOf(version)).commit();
            }

            try (Stream<Path> files = Files.list(folder.resolve("silver/seasons/metadata"))) {
                assertEquals(3, files.filter(file -> file.toString().endsWith(".metadata.json")).count(),
                        "the current version and the 2 before it");
            }
        }
    }

    @Test
    void aBulkDeleteThatCannotDeleteAFileDeletesTheOthersAndCountsIt() throws Exception {
        Path full = Files.createDirectories(folder.resolve("data"));
        Files.writeString(full.resolve("part.parquet"), "");
        Path deletable = Files.writeString(folder.resolve("snap.avro"), "");

        BulkDeletionFailureException failure = assertThrows(BulkDeletionFailureException.class,
                () -> new LocalFileIO().deleteFiles(List.of(full.toString(), deletable.toString())));

        assertEquals(1, failure.numberFailedObjects());
        assertFalse(Files.exists(deletable));
        assertTrue(Files.exists(full));
    }
}
