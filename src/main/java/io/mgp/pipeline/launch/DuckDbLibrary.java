package io.mgp.pipeline.launch;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * DuckDB's native library for a JVM started from the application's jar. The driver would inflate it (71 MB) out of
 * its jar into a temporary file at every start, a third of a second; the jar keeps it under {@code native/} instead
 * (pom.xml puts it there, so the driver no longer finds it at the root) and it is written once, beside the jar,
 * under the name the driver looks for there when it finds no copy of its own. A folder that cannot be written gets it in the user's
 * cache instead, which the JVM then needs on its {@code java.library.path}. Started from classes and jars as Maven
 * lays them out, the driver finds its own copy and nothing here applies.
 */
final class DuckDbLibrary {

    private static final String PACKED = "native/";
    private static final String VERSIONED = "libduckdb_java-";

    private final Path jar;
    private final String name;

    /** The library packed at {@code native/<name>} in {@code jar}, {@code name} being the driver's. */
    DuckDbLibrary(Path jar, String name) {
        this.jar = jar;
        this.name = name;
    }

    /**
     * The library of this platform packed in the jar this class was loaded from, if that is how it was started (and
     * the jar has no copy where the driver would find its own). Read from the jar's directory, which the JVM holds
     * already: a first lookup through the class path took 16 to 25 ms in the launching JVM.
     */
    static Optional<DuckDbLibrary> packedInJar() {
        Path codeSource;
        try {
            codeSource = Path.of(DuckDbLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(codeSource)) {
            return Optional.empty();
        }
        String name = driverName();
        try (ZipFile zip = new ZipFile(codeSource.toFile())) {
            return zip.getEntry(PACKED + name) != null && zip.getEntry(name) == null
                    ? Optional.of(new DuckDbLibrary(codeSource, name)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes the library where the driver will find it, unless it is there already, and returns the JVM options that
     * the command's JVM needs for that: none when it is beside the jar.
     */
    List<String> place() throws IOException {
        Path folder = jar.toAbsolutePath().getParent();
        if (Files.isWritable(folder)) {
            placeBesideJar(folder);
            return List.of();
        }
        return placeInCache(writableCache());
    }

    /** For a jar in a folder that cannot be written: the library in a folder of the cache, on the library path. */
    List<String> placeInCache(Path cacheRoot) throws IOException {
        Path cache = cacheRoot.resolve(VERSIONED + key());
        Files.createDirectories(cache);
        extractOnce(cache.resolve(System.mapLibraryName("duckdb_java")));
        String libraryPath = System.getProperty("java.library.path", "");
        boolean onLibraryPath = Stream.of(libraryPath.split(File.pathSeparator))
                .anyMatch(entry -> !entry.isEmpty() && Path.of(entry).toAbsolutePath().equals(cache.toAbsolutePath()));
        // first on the path this JVM was given, so that neither the user's own path nor another copy wins
        return onLibraryPath ? List.of() : List.of("-Djava.library.path=" + cache + (libraryPath.isEmpty() ? "" : File.pathSeparator + libraryPath));
    }

    /** A versioned copy, and a hard link to it under the driver's name: a new driver's library replaces it in one step. */
    private void placeBesideJar(Path folder) throws IOException {
        Path versioned = folder.resolve(VERSIONED + key() + ".so");
        Path linked = folder.resolve(name);
        if (Files.exists(linked) && Files.exists(versioned) && Files.isSameFile(linked, versioned)) {
            return;
        }
        extractOnce(versioned);
        Path temporary = temporary(linked);
        try {
            try {
                Files.createLink(temporary, versioned);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(versioned, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            moveInPlace(temporary, linked);
        } finally {
            Files.deleteIfExists(temporary);
        }
        deleteOtherVersions(folder, versioned);
    }

    /** Writes the library unless a whole copy is there (a cut-off one, of another size, is written again). */
    private void extractOnce(Path target) throws IOException {
        if (Files.exists(target) && Files.size(target) == entry().getSize()) {
            return;
        }
        Path temporary = temporary(target);
        try {
            try (ZipFile zip = new ZipFile(jar.toFile()); InputStream library = zip.getInputStream(entry(zip));
                    FileChannel out = FileChannel.open(temporary,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                out.transferFrom(Channels.newChannel(library), 0, Long.MAX_VALUE);
                out.force(true);
            }
            moveInPlace(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The packed entry's CRC: which library it is, read from the jar's directory without inflating it. */
    private String key() throws IOException {
        return HexFormat.of().toHexDigits((int) entry().getCrc());
    }

    private ZipEntry entry() throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return entry(zip);
        }
    }

    private ZipEntry entry(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(PACKED + name);
        if (entry == null) {
            throw new IOException(jar + " has no " + PACKED + name);
        }
        return entry;
    }

    private static Path temporary(Path target) {
        return target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    }

    private static void moveInPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Libraries of other driver versions (not another start's copy in progress): a running JVM keeps the one it mapped
     * even when its file is deleted.
     */
    private static void deleteOtherVersions(Path folder, Path keep) {
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> file.getFileName().toString().matches(VERSIONED + "\\p{XDigit}{8}\\.so") && !file.equals(keep)).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // another user's, or in use on a system that does not allow it: the next start tries again
                }
            });
        } catch (IOException e) {
            // nothing to clean
        }
    }

    /** The user's cache folder, or one of the user's own in the temporary folder when there is none to write. */
    private static Path writableCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        try {
            return Files.createDirectories(base.resolve("mgp-pipeline"));
        } catch (IOException | SecurityException e) {
            return Path.of(System.getProperty("java.io.tmpdir"), "mgp-pipeline-" + System.getProperty("user.name"));
        }
    }

    /** The name the driver gives this platform's library: org.duckdb.DuckDBNative#nativeLibName. */
    private static String driverName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String platform = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macos" : "linux";
        String cpu = arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64";
        return "libduckdb_java.so_" + platform + "_" + cpu;
    }
}
