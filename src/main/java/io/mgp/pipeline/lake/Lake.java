package io.mgp.pipeline.lake;

import io.mgp.pipeline.PipelineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The lake's folders: bronze (raw API answers), silver (typed, deduplicated tables) and gold (the joined results). */
public final class Lake {

    private final Path root;

    public Lake(String root) {
        this.root = Path.of(root).toAbsolutePath().normalize();
        requireWritable(this.root);
    }

    public Path root() {
        return root;
    }

    public Path layer(String layer) {
        return root.resolve(layer);
    }

    public Path bronze(String table) {
        return layer("bronze").resolve(table);
    }

    /** The lake at {@code root} when a run has crawled it (it has a state file), or empty; creates nothing. */
    public static Optional<Lake> crawled(String root) {
        return Files.exists(stateFile(Path.of(root))) ? Optional.of(new Lake(root)) : Optional.empty();
    }

    /** The pipeline's state (task queue, answers, runs): a DuckDB file beside the layers. */
    public Path stateFile() {
        return stateFile(root);
    }

    private static Path stateFile(Path root) {
        return root.resolve("state").resolve("queue.duckdb");
    }

    /** The catalog of the lake's Iceberg tables, unless configured elsewhere: an SQLite file beside the layers. */
    public Path catalogFile() {
        return root.resolve("catalog.db");
    }

    /** Deletes every layer, the catalog and the state, for a run that rebuilds from scratch; the logs stay. */
    public void clear() {
        // SQLite's write-ahead log and shared memory too: a killed run leaves them, and they would be replayed into
        // a new catalog
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Path file = catalogFile().resolveSibling(catalogFile().getFileName() + suffix);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new PipelineException("cannot clear " + file + " for a full refresh: " + PipelineException.reason(e), e);
            }
        }
        for (String folder : List.of("bronze", "silver", "gold", "state")) {
            Path path = layer(folder);
            try {
                deleteTree(path);
            } catch (IOException e) {
                throw new PipelineException("cannot clear " + path + " for a full refresh: " + PipelineException.reason(e), e);
            }
        }
    }

    /** Deletes a folder and everything in it; nothing happens when it does not exist. */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Fails at start, before anything is fetched, when the lake cannot be written. */
    private static void requireWritable(Path root) {
        try {
            Files.createDirectories(root);
            Files.delete(Files.createTempFile(root, ".write-check", ""));
        } catch (IOException e) {
            throw new PipelineException("lake folder is not writable: " + root + ": " + PipelineException.reason(e), e);
        } catch (SecurityException e) {
            throw new PipelineException("lake folder is not writable: " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
