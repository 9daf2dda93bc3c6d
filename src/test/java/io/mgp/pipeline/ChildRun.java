package io.mgp.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A `run` or another command in a child JVM, so a test can kill it as abruptly as a crash, or run two at once. */
public final class ChildRun {

    private ChildRun() {
    }

    /**
     * Starts {@code run --seeds --lake --port 0}, its output appended to a log file beside the lake, and its
     * temporary files there too: give it a lake inside a temporary folder.
     */
    public static Process start(Path seeds, Path lake, String... systemProperties) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(systemProperties).stream().map(p -> "-D" + p).toList());
        arguments.addAll(List.of("io.mgp.pipeline.Main", "run", "--seeds", seeds.toString(), "--lake", lake.toString(), "--port", "0"));
        return java(lake, arguments);
    }

    /**
     * Starts a class of the test class path in a child JVM, given its main class and arguments (JVM options first),
     * with its output and temporary files beside the lake.
     */
    public static Process java(Path lake, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1"));
        // A killed JVM leaves DuckDB's unpacked native library behind in its temp folder: the test's own, here.
        command.add("-Djava.io.tmpdir=" + lake.toAbsolutePath().getParent());
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(lake).toFile())).start();
    }

    /** What the children on this lake printed. */
    public static String log(Path lake) {
        try {
            return Files.readString(logFile(lake));
        } catch (IOException e) {
            return "no log: " + e;
        }
    }

    private static Path logFile(Path lake) {
        return lake.resolveSibling(lake.getFileName() + ".log");
    }
}
