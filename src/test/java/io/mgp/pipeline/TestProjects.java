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

    /**
     * The built-in project, but silver.seasons leaves out the earliest season: built on a lake the built-in one built,
     * it changes that table (and a build of the rest would fail its relationships).
     */
    public static Path withoutTheFirstSeason(Path into) throws IOException {
        Path seasons = builtInCopy(into).resolve("models/silver/seasons.sql");
        Files.writeString(seasons, Files.readString(seasons).strip()
                + "\n  AND CAST(\"year\" AS BIGINT) > (SELECT min(CAST(\"year\" AS BIGINT)) FROM bronze.seasons)\n");
        return into;
    }
}
