package io.mgp.pipeline.models;

import io.mgp.pipeline.PipelineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the project's {@code models/} (SQL and YAML) and {@code tests/} are read from: the application's own, on the
 * classpath (in the jar, or target/classes), or a folder given with {@code --project}, so a model can be edited and
 * built again without rebuilding the jar.
 */
public final class ProjectFiles implements AutoCloseable {

    static final String MODELS = "models";
    static final String TESTS = "tests";

    private final Path root;
    private final FileSystem jar;

    private ProjectFiles(Path root, FileSystem jar) {
        this.root = root;
        this.jar = jar;
    }

    /** The project the application was built with. In a jar, only its directory is read, not the whole file. */
    public static ProjectFiles builtIn() {
        URL sources = ProjectFiles.class.getClassLoader().getResource(MODELS + "/sources.yml");
        if (sources == null) {
            throw new IllegalStateException("models/sources.yml is not on the classpath");
        }
        try {
            URI uri = sources.toURI();
            if ("jar".equals(uri.getScheme())) {
                String jarUri = uri.toString().substring(0, uri.toString().indexOf("!/"));
                FileSystem jar = FileSystems.newFileSystem(URI.create(jarUri), Map.of());
                return new ProjectFiles(jar.getPath("/"), jar);
            }
            return new ProjectFiles(Path.of(uri).getParent().getParent(), null);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot read the project's files at " + sources, e);
        }
    }

    /** A project folder of the user's: it holds {@code models/} and, if it has singular tests, {@code tests/}. */
    public static ProjectFiles folder(Path folder) {
        if (!Files.isDirectory(folder.resolve(MODELS))) {
            throw ProjectError.declaration(folder.toString(), "not a project folder: it has no models/ folder");
        }
        return new ProjectFiles(folder.toAbsolutePath().normalize(), null);
    }

    /** The files under {@code folder} whose name ends with {@code suffix}, in name order; none when it does not exist. */
    List<Path> files(String folder, String suffix) {
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
            return Files.readString(file, StandardCharsets.UTF_8);
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

    @Override
    public void close() {
        if (jar != null) {
            try {
                jar.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
