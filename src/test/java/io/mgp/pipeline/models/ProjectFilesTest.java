package io.mgp.pipeline.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.PipelineException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFilesTest {

    @TempDir
    Path temp;

    @Test
    void aJarsProjectIsTheFilesItsIndexNamesInNameOrder() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(ProjectFiles.INDEX, "models/sources.yml\nmodels/silver/b.sql\nmodels/silver/a.sql\nmodels/silver/_silver.yml\ntests/t.sql\n");
        entries.put("models/sources.yml", "sources: []");
        entries.put("models/silver/a.sql", "SELECT 1 AS a");
        entries.put("models/silver/b.sql", "SELECT 2 AS b");
        entries.put("models/silver/_silver.yml", "models: []");
        entries.put("models/silver/unlisted.sql", "SELECT 3 AS c");
        entries.put("tests/t.sql", "SELECT 4 AS d");
        try (URLClassLoader jar = jar(entries)) {
            ProjectFiles files = ProjectFiles.onClassPath(jar);

            List<Path> sql = files.files(ProjectFiles.MODELS, ".sql");
            assertEquals(List.of("models/silver/a.sql", "models/silver/b.sql"), sql.stream().map(files::name).toList());
            assertEquals("SELECT 2 AS b", files.read(sql.get(1)));
            assertEquals("silver", files.layer(sql.get(0)));
            assertEquals(List.of("tests/t.sql"), files.files(ProjectFiles.TESTS, ".sql").stream().map(files::name).toList());
            assertEquals(List.of(), files.files(ProjectFiles.TESTS, ".yml"));
        }
    }

    @Test
    void aFileTheIndexNamesButTheJarLacksIsAnErrorNamingIt() throws IOException {
        try (URLClassLoader jar = jar(Map.of(ProjectFiles.INDEX, "models/sources.yml\nmodels/silver/gone.sql\n", "models/sources.yml", ""))) {
            ProjectFiles files = ProjectFiles.onClassPath(jar);

            PipelineException error = assertThrows(PipelineException.class, () -> files.read(files.files(ProjectFiles.MODELS, ".sql").get(0)));
            assertEquals("models/silver/gone.sql: listed in project-files.txt but not in the jar", error.getMessage());
        }
    }

    @Test
    void aJarWithoutAnIndexIsAnError() throws IOException {
        try (URLClassLoader jar = jar(Map.of("models/sources.yml", ""))) {
            IllegalStateException error = assertThrows(IllegalStateException.class, () -> ProjectFiles.onClassPath(jar));
            assertTrue(error.getMessage().startsWith("project-files.txt is not in the jar of jar:file:"), error.getMessage());
        }
    }

    @Test
    void theBuildsIndexNamesEveryFileOfTheBuiltInProject() throws IOException {
        Path resources = Path.of("src/main/resources");
        List<String> sources;
        try (Stream<Path> walk = Stream.concat(Files.walk(resources.resolve(ProjectFiles.MODELS)), Files.walk(resources.resolve(ProjectFiles.TESTS)))) {
            sources = walk.filter(Files::isRegularFile).map(file -> resources.relativize(file).toString().replace('\\', '/')).sorted().toList();
        }
        try (InputStream index = getClass().getClassLoader().getResourceAsStream(ProjectFiles.INDEX)) {
            assertEquals(sources, new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().sorted().toList());
        }
    }

    /** A jar of these entries on a class loader of its own, which sees neither the application's classes nor its files. */
    private URLClassLoader jar(Map<String, String> entries) throws IOException {
        Path jar = temp.resolve("project-" + entries.size() + ".jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }
}
