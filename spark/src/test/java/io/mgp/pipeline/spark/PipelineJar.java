package io.mgp.pipeline.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** pipeline.jar as its users run it, {@code java [-D...] -jar pipeline.jar ARGS}, from a test. */
final class PipelineJar {

    static final Path JAR = Path.of(System.getProperty("pipeline.jar", "../target/pipeline.jar")).toAbsolutePath();
    /** This module's packaged jar, which pipeline.jar finds as its Spark engine when given {@code -Dmgp.spark.jar}. */
    static final Path SPARK_ENGINE = Path.of(System.getProperty("spark.engine.jar", "target/pipeline-spark.jar")).toAbsolutePath();

    private final Path temp;
    private final List<String> jvmOptions;

    /** @param temp the JVM's temporary folder; {@code jvmOptions} go before {@code -jar} */
    PipelineJar(Path temp, String... jvmOptions) {
        assertTrue(Files.exists(JAR), JAR + " is built by 'make jar' (make test builds it)");
        this.temp = temp;
        this.jvmOptions = List.of(jvmOptions);
    }

    /** Runs the command line, checks its exit code, and returns what it printed (stdout and stderr). */
    String run(int expectedExit, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temp));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        Collections.addAll(command, args);
        Path output = Files.createTempFile(temp, "pipeline", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = process.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(ended, String.join(" ", args) + " still running after 180 s:\n" + out);
        assertEquals(expectedExit, process.exitValue(), String.join(" ", args) + ":\n" + out);
        return out;
    }

    /** The first column of the first row of a query DuckDB runs on the lake. */
    long count(Path lake, String sql, String... options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("query", sql, "--lake", lake.toString(), "--format", "csv"));
        Collections.addAll(args, options);
        return Long.parseLong(run(0, args.toArray(String[]::new)).lines().skip(1).findFirst().orElseThrow().strip());
    }

    /** The id of the lake's last run or build: its log folder's name, which starts with when it started. */
    static String lastRun(Path lake) throws IOException {
        try (Stream<Path> runs = Files.list(lake.resolve("logs"))) {
            return runs.map(run -> run.getFileName().toString()).max(String::compareTo).orElseThrow();
        }
    }

    /** The built-in models and tests, as a project folder to change. */
    static Path builtInProject(Path folder) throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.isDirectory() && (entry.getName().startsWith("models/") || entry.getName().startsWith("tests/"))) {
                    Path file = folder.resolve(entry.getName());
                    Files.createDirectories(file.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, file);
                    }
                }
            }
        }
        return folder;
    }
}
