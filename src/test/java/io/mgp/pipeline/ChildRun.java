package io.mgp.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A `run` in a child JVM, so a test can kill it as abruptly as a crash, or run two at once. */
public final class ChildRun {

    private ChildRun() {
    }

    /**
     * Starts {@code run --seeds --lake --port 0}, its output appended to a log file beside the lake, and its
     * temporary files there too: give it a lake inside a temporary folder.
     */
    public static Process start(Path seeds, Path lake, String... systemProperties) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1"));
        // A killed JVM leaves DuckDB's unpacked native library behind in its temp folder: the test's own, here.
        command.add("-Djava.io.tmpdir=" + lake.toAbsolutePath().getParent());
        for (String property : systemProperties) {
            command.add("-D" + property);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.mgp.pipeline.Main",
                "run", "--seeds", seeds.toString(), "--lake", lake.toString(), "--port", "0"));
        Path log = lake.resolveSibling(lake.getFileName() + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
}
