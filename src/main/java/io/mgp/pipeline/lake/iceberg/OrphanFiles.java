package io.mgp.pipeline.lake.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ReachableFileUtil;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The files under a table's folder that no snapshot of any branch or tag, and no metadata file, refers to: what a
 * killed build or an expired snapshot left behind. Only those last changed before the cutoff count, since a build
 * running now writes its files before it commits them.
 */
final class OrphanFiles {

    private OrphanFiles() {
    }

    static List<Path> find(Table table, Instant cutoff) {
        Set<Path> reachable = reachable(table);
        Path folder = LocalFileIO.path(table.location()).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> !reachable.contains(file))
                    .filter(file -> modified(file).isBefore(cutoff)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /**
     * Deletes the empty folders under the table's {@code data/} folder last changed before the cutoff: what deleted
     * files of a partitioned version leave (a build running now creates its folder before it writes into it).
     */
    static void removeEmptyFolders(Table table, Instant cutoff) {
        Path data = LocalFileIO.path(table.location()).toAbsolutePath().normalize().resolve("data");
        if (!Files.isDirectory(data)) {
            return;
        }
        try (Stream<Path> folders = Files.walk(data)) {
            // deepest first, so that a folder emptied by its subfolders' removal goes too: the times are read before,
            // as a removal changes its parent's
            List<Path> old = folders.filter(Files::isDirectory).filter(folder -> !folder.equals(data))
                    .filter(folder -> modified(folder).isBefore(cutoff)).sorted(java.util.Comparator.reverseOrder()).toList();
            for (Path folder : old) {
                try (Stream<Path> entries = Files.list(folder)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(folder);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + data, e);
        }
    }

    private static Set<Path> reachable(Table table) {
        Set<String> locations = new HashSet<>();
        locations.add(((HasTableOperations) table).operations().current().metadataFileLocation());
        locations.addAll(ReachableFileUtil.metadataFileLocations(table, false));
        locations.addAll(ReachableFileUtil.manifestListLocations(table));
        locations.addAll(ReachableFileUtil.statisticsFilesLocations(table));
        Set<String> manifests = new HashSet<>();
        for (Snapshot snapshot : table.snapshots()) {
            for (ManifestFile manifest : snapshot.allManifests(table.io())) {
                if (manifests.add(manifest.path())) {
                    try (CloseableIterable<String> files = ManifestFiles.readPaths(manifest, table.io(), table.specs())) {
                        files.forEach(locations::add);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        locations.addAll(manifests);
        Set<Path> paths = new HashSet<>();
        locations.forEach(location -> paths.add(LocalFileIO.path(location).toAbsolutePath().normalize()));
        return paths;
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.MAX; // gone meanwhile, or unreadable: not ours to remove
        }
    }
}
