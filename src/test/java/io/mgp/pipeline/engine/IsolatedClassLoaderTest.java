package io.mgp.pipeline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolatedClassLoaderTest {

    /** A jar holding copies of a library's class, of the seam's interface and of a service file, as an engine's might. */
    private static Path engineJar(Path temp) throws Exception {
        Path jar = temp.resolve("engine.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
            for (Class<?> type : List.of(picocli.CommandLine.class, Engine.class)) {
                String name = type.getName().replace('.', '/') + ".class";
                entries.putNextEntry(new JarEntry(name));
                try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
                    in.transferTo(entries);
                }
            }
            entries.putNextEntry(new JarEntry("META-INF/services/java.sql.Driver"));
            entries.write("org.example.Driver\n".getBytes());
        }
        return jar;
    }

    @Test
    void theEnginesOwnCopyOfALibraryWinsOverTheApplicationsOne(@TempDir Path temp) throws Exception {
        try (IsolatedClassLoader loader = new IsolatedClassLoader("test", new URL[] {engineJar(temp).toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> library = loader.loadClass(picocli.CommandLine.class.getName());

            assertSame(loader, library.getClassLoader());
            assertNotSame(picocli.CommandLine.class, library);
        }
    }

    @Test
    void theSeamsTypesAreTheApplicationsSoThatObjectsCrossIt(@TempDir Path temp) throws Exception {
        try (IsolatedClassLoader loader = new IsolatedClassLoader("test", new URL[] {engineJar(temp).toUri().toURL()},
                getClass().getClassLoader())) {
            assertSame(Engine.class, loader.loadClass(Engine.class.getName()));
            assertSame(org.slf4j.Logger.class, loader.loadClass(org.slf4j.Logger.class.getName()));
        }
    }

    @Test
    void servicesAreTheEnginesOwnOnlyExceptTheSeams(@TempDir Path temp) throws Exception {
        try (IsolatedClassLoader loader = new IsolatedClassLoader("test", new URL[] {engineJar(temp).toUri().toURL()},
                getClass().getClassLoader())) {
            List<URL> drivers = Collections.list(loader.getResources("META-INF/services/java.sql.Driver"));

            assertEquals(1, drivers.size(), drivers.toString());
            assertTrue(drivers.get(0).toString().contains("engine.jar"), drivers.toString());
            assertFalse(Collections.list(getClass().getClassLoader().getResources("META-INF/services/java.sql.Driver")).isEmpty(),
                    "the application has drivers of its own, which the engine does not see");
        }
    }
}
