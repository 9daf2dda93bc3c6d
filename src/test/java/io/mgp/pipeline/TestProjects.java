package io.mgp.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Projects for --project: a copy of the built-in models and tests, for a test to edit. */
public final class TestProjects {

    private TestProjects() {
    }

    /** Copies src/main/resources/models and tests into the folder, which it returns. */
    public static Path builtInCopy(Path into) throws IOException {
        for (String folder : new String[] {"models", "tests"}) {
            Path from = Path.of("src/main/resources", folder);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Path target = into.resolve(folder).resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
        }
        return into;
    }
}
