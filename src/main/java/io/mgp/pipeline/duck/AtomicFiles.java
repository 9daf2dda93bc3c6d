package io.mgp.pipeline.duck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files are written under a temporary name beside their final one and renamed when complete,
 * so a reader (or a crash) never sees half a file.
 */
public final class AtomicFiles {

    public static final String TMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** The temporary name to write {@code target} under; its parent folders are created. */
    public static Path temporaryFor(Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create folder for " + target, e);
        }
        return target.resolveSibling(target.getFileName() + TMP_SUFFIX);
    }

    /** Renames the temporary file onto {@code target} (creating its folder), replacing an older version. */
    public static void publish(Path temporary, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot publish " + target, e);
        }
    }
}
