package io.mgp.pipeline.lake.iceberg;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.iceberg.io.BulkDeletionFailureException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.SupportsBulkOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Iceberg's files on the local file system, without Hadoop's: its default FileIO needs Hadoop's client jars (50 MB)
 * for what {@link org.apache.iceberg.Files} does with java.io. Paths may carry a {@code file:} scheme.
 */
public final class LocalFileIO implements FileIO, SupportsBulkOperations {

    private static final Logger LOG = LoggerFactory.getLogger(LocalFileIO.class);

    @Override
    public InputFile newInputFile(String path) {
        return org.apache.iceberg.Files.localInput(file(path));
    }

    @Override
    public OutputFile newOutputFile(String path) {
        File file = file(path);
        try {
            Files.createDirectories(file.toPath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return org.apache.iceberg.Files.localOutput(file);
    }

    @Override
    public void deleteFile(String path) {
        try {
            Files.deleteIfExists(file(path).toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes the files in this thread, each it can. Iceberg deletes files through a FileIO without bulk deletes on its
     * worker pool, and waits for the pool in steps of 10 ms: a table's metadata files left behind by a commit took 10 ms
     * a commit to delete, where deleting them here takes well under one.
     */
    @Override
    public void deleteFiles(Iterable<String> paths) throws BulkDeletionFailureException {
        int failed = 0;
        for (String path : paths) {
            try {
                deleteFile(path);
            } catch (RuntimeException e) {
                // Iceberg's exception carries a count alone: which file, and why, is said here
                LOG.warn("Cannot delete {}: {}", path, e.getMessage());
                failed++;
            }
        }
        if (failed > 0) {
            throw new BulkDeletionFailureException(failed);
        }
    }

    /** A table's location or file as a local path. */
    static Path path(String location) {
        return file(location).toPath();
    }

    private static File file(String path) {
        return new File(path.startsWith("file:") ? java.net.URI.create(path).getPath() : path);
    }
}
