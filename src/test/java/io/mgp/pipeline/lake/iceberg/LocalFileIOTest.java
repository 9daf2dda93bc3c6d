package io.mgp.pipeline.lake.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.iceberg.io.BulkDeletionFailureException;
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
