package io.mgp.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbLibraryTest {

    private static final String NAME = "libduckdb_java.so_test_amd64";

    @TempDir
    Path folder;

    @Test
    void theLibraryIsWrittenBesideTheJarOnceUnderTheNameTheDriverLooksFor() throws Exception {
        DuckDbLibrary library = library(jar("pipeline.jar", "version one"));

        assertEquals(List.of(), library.place(), "beside the jar, the driver finds it without options");
        Path placed = folder.resolve(NAME);
        assertEquals("version one", Files.readString(placed));
        Object inode = Files.readAttributes(placed, "unix:ino").get("ino");

        assertEquals(List.of(), library.place());
        assertEquals(inode, Files.readAttributes(placed, "unix:ino").get("ino"), "a later start writes nothing");
        assertEquals(1, versionedCopies().size());
    }

    @Test
    void anotherDriversLibraryReplacesTheOneBesideTheJarAndItsCopy() throws Exception {
        library(jar("old.jar", "version one")).place();
        Path old = versionedCopies().get(0);

        library(jar("new.jar", "version two")).place();

        assertEquals("version two", Files.readString(folder.resolve(NAME)));
        assertFalse(Files.exists(old), "the earlier version's copy is deleted");
        assertEquals(1, versionedCopies().size());
    }

    @Test
    void inTheCacheTheLibraryNeedsTheLibraryPathUntilTheJvmHasIt() throws Exception {
        DuckDbLibrary library = library(jar("pipeline.jar", "version one"));
        Path cache = folder.resolve("cache");

        List<String> options = library.placeInCache(cache);

        assertEquals(1, options.size());
        assertTrue(options.get(0).startsWith("-Djava.library.path="), options.toString());
        String given = options.get(0).substring("-Djava.library.path=".length());
        Path directory = Path.of(given.split(java.io.File.pathSeparator)[0]);
        assertEquals(directory + java.io.File.pathSeparator + System.getProperty("java.library.path"), given,
                "first on the path the JVM had");
        assertArrayEquals("version one".getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(directory.resolve(System.mapLibraryName("duckdb_java"))));
        String libraryPath = System.getProperty("java.library.path");
        try {
            System.setProperty("java.library.path", directory.toString());
            assertEquals(List.of(), library.placeInCache(cache), "a JVM started with it needs nothing more");
        } finally {
            System.setProperty("java.library.path", libraryPath);
        }
    }

    private List<Path> versionedCopies() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("libduckdb_java-")).toList();
        }
    }

    private DuckDbLibrary library(Path jar) throws Exception {
        return new DuckDbLibrary(jar, NAME);
    }

    private Path jar(String name, String library) throws IOException {
        Path jar = folder.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("native/" + NAME));
            zip.write(library.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }
}
