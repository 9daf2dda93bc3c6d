package io.mgp.pipeline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnginesTest {

    @Test
    void duckDbIsTheDefaultWhateverTheNameIsUnsetOrSaid() {
        for (String name : new String[] {null, "", "duckdb"}) {
            try (Engine engine = Engines.open(name, key -> null)) {
                assertInstanceOf(DuckDbEngine.class, engine, String.valueOf(name));
            }
        }
    }

    @Test
    void anUnknownEngineIsAUsageErrorNamingTheOnesThereAre() {
        Engines.EngineUnavailableException error = assertThrows(Engines.EngineUnavailableException.class,
                () -> Engines.open("flink", key -> null));

        assertEquals("no engine 'flink': duckdb (the default) or spark", error.getMessage());
    }

    @Test
    void sparkWithoutItsJarSaysHowToBuildIt(@TempDir Path temp) {
        Map<String, String> settings = Map.of("mgp.spark.jar", temp.resolve("pipeline-spark.jar").toString());

        Engines.EngineUnavailableException error = assertThrows(Engines.EngineUnavailableException.class,
                () -> Engines.open("spark", settings::get));

        assertTrue(error.getMessage().startsWith("--engine spark needs the Spark engine's jar"), error.getMessage());
        assertTrue(error.getMessage().contains("build it with 'make spark'"), error.getMessage());
    }

    @Test
    void aJarWithoutTheEngineIsSaidToBeOne(@TempDir Path temp) throws Exception {
        Path jar = temp.resolve("pipeline-spark.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream empty = new JarOutputStream(out)) {
            empty.finish();
        }

        Engines.EngineUnavailableException error = assertThrows(Engines.EngineUnavailableException.class,
                () -> Engines.open("spark", Map.of("mgp.spark.jar", jar.toString())::get));

        assertEquals(jar + " holds no Spark engine: build it again with 'make spark'", error.getMessage());
    }
}
