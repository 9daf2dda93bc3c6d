package io.mgp.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** {@code java -version} of this JDK with options, as the launcher would start its child with them. */
final class JavaVersion {

    private JavaVersion() {
    }

    /** What the JVM wrote to stderr besides its version's three lines; fails when it did not exit 0. */
    static String stderrBesidesTheVersion(List<String> options, Path folder) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.add("-version");
        Path stderr = folder.resolve("stderr.txt");
        Process java = new ProcessBuilder(command).redirectError(stderr.toFile()).redirectOutput(folder.resolve("stdout.txt").toFile()).start();
        assertTrue(java.waitFor(60, TimeUnit.SECONDS), "java -version did not end");
        String written = Files.readString(stderr) + Files.readString(folder.resolve("stdout.txt"));
        assertEquals(0, java.exitValue(), command + ":\n" + written);
        return written.lines().filter(line -> !line.matches("(openjdk|java) version .*|.*Runtime Environment.*|.*(Server|Client) VM.*"))
                .collect(Collectors.joining("\n"));
    }
}
