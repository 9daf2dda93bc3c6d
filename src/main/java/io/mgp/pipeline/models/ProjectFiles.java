package io.mgp.pipeline.models;

import io.mgp.pipeline.PipelineException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the project's {@code models/} (SQL and YAML) and {@code tests/} are read from: the application's own, on the
 * classpath (in the jar, or target/classes), or a folder given with {@code --project}, so a model can be edited and
 * built again without rebuilding the jar.
 */
public final class ProjectFiles {

    static final String MODELS = "models";
    static final String TESTS = "tests";
    /**
     * The jar's list of its project files, written by the build beside {@code models/}: a jar's entries cannot be listed
     * without reading its whole directory (some 25,000 entries, 65 to 85 ms a command), and its files are read by name.
     */
    static final String INDEX = "project-files.txt";

    /** The project's folder, or, in a jar, the empty path its entries' names are relative to. */
    private final Path root;
    /** In a jar: its root, which the index and every file are read from; null for a folder. */
    private final URL jarRoot;
    /** In a jar: the names of its project files, as its index lists them; null for a folder. */
    private final List<String> indexedNames;

    private ProjectFiles(Path root, URL jarRoot, List<String> indexedNames) {
        this.root = root;
        this.jarRoot = jarRoot;
        this.indexedNames = indexedNames;
    }

    /** The project the application was built with. */
    public static ProjectFiles builtIn() {
        return onClassPath(ProjectFiles.class.getClassLoader());
    }

    /** The project on a class path: a folder's files, or those of the jar that holds its {@code models/sources.yml}. */
    static ProjectFiles onClassPath(ClassLoader classLoader) {
        URL sources = classLoader.getResource(MODELS + "/sources.yml");
        if (sources == null) {
            throw new IllegalStateException("models/sources.yml is not on the classpath");
        }
        try {
            if (!"jar".equals(sources.getProtocol())) {
                return new ProjectFiles(Path.of(sources.toURI()).getParent().getParent(), null, null);
            }
            URL jarRoot = new URL(sources, "../");
            try (InputStream index = new URL(jarRoot, INDEX).openStream()) {
                List<String> names = new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
                return new ProjectFiles(Path.of(""), jarRoot, names);
            } catch (FileNotFoundException e) {
                throw new IllegalStateException(INDEX + " is not in the jar of " + sources, e);
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot read the project's files at " + sources, e);
        }
    }

    /** A project folder of the user's: it holds {@code models/} and, if it has singular tests, {@code tests/}. */
    public static ProjectFiles folder(Path folder) {
        if (!Files.isDirectory(folder.resolve(MODELS))) {
            throw ProjectError.declaration(folder.toString(), "not a project folder: it has no models/ folder");
        }
        return new ProjectFiles(folder.toAbsolutePath().normalize(), null, null);
    }

    /** The files under {@code folder} whose name ends with {@code suffix}, in name order; none when it does not exist. */
    List<Path> files(String folder, String suffix) {
        if (indexedNames != null) {
            return indexedNames.stream().filter(name -> name.startsWith(folder + "/") && name.endsWith(suffix)).map(Path::of).sorted().toList();
        }
        Path start = root.resolve(folder);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(start)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(Path file) {
        try {
            if (jarRoot == null) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            try (InputStream in = new URL(jarRoot, name(file)).openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (FileNotFoundException e) {
                throw new IOException("listed in " + INDEX + " but not in the jar", e);
            }
        } catch (IOException e) {
            throw new PipelineException(name(file) + ": " + PipelineException.reason(e), e);
        }
    }

    /** The file as messages name it: {@code models/silver/_silver.yml}. */
    String name(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** The layer of a file under models/: the folder it is in ({@code silver}, {@code gold}). */
    String layer(Path file) {
        return root.relativize(file).getParent().getFileName().toString();
    }
}
