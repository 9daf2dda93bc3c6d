package io.mgp.pipeline.lake;

import io.mgp.pipeline.PipelineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The lake's folders: bronze (raw API answers), silver (typed, deduplicated tables) and gold (the joined results). */
public final class Lake {

    private final Path root;

    public Lake(String root) {
        this.root = Path.of(root).toAbsolutePath().normalize();
        requireWritable(this.root);
    }

    public Path layer(String layer) {
        return root.resolve(layer);
    }

    public Path bronze(String table) {
        return layer("bronze").resolve(table);
    }

    /** Fails at start, before anything is fetched, when the lake cannot be written. */
    private static void requireWritable(Path root) {
        try {
            Files.createDirectories(root);
            Files.delete(Files.createTempFile(root, ".write-check", ""));
        } catch (IOException | SecurityException e) {
            throw new PipelineException("lake folder is not writable: " + root + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
