package io.mgp.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {

    @TempDir
    Path folder;

    @Test
    void eachCommandHasAnArchiveOfItsOwnAndKeepsTheOthersOfTheSameJar() throws Exception {
        Path jar = Files.writeString(folder.resolve("pipeline.jar"), "a jar");
        Path earlierJar = Files.writeString(folder.resolve("pipeline-0badc0de-run.jsa"), "an earlier jar's archive");

        String run = archiveOption(ClassArchive.forJar(jar, "run"));
        Files.writeString(Path.of(run), "the run's archive");
        String build = archiveOption(ClassArchive.forJar(jar, "build"));

        assertNotEquals(run, build);
        assertTrue(run.endsWith("-run.jsa") && build.endsWith("-build.jsa"), run + " " + build);
        assertTrue(Files.exists(Path.of(run)), "the run's archive is kept beside the build's");
        assertFalse(Files.exists(earlierJar), "an archive of another jar is deleted");
    }

    @Test
    void thisJdkStartsWithTheArchivesOptionsAndSaysNothingOfThem() throws Exception {
        Path jar = Files.writeString(folder.resolve("pipeline.jar"), "a jar");
        // an archive that is not one: the JVM goes on without it, silently
        Files.writeString(Path.of(archiveOption(ClassArchive.forJar(jar, "run"))), "not an archive");

        assertEquals("", JavaVersion.stderrBesidesTheVersion(ClassArchive.forJar(jar, "run").jvmOptions(), folder));
    }

    /** The archive file the child JVM is told to use or to write. */
    private static String archiveOption(ClassArchive archive) {
        List<String> options = archive.jvmOptions();
        String option = options.stream().filter(o -> o.startsWith("-XX:SharedArchiveFile=") || o.startsWith("-XX:ArchiveClassesAtExit="))
                .findFirst().orElseThrow();
        String file = option.substring(option.indexOf('=') + 1);
        // JDK 17 and 18 dump to a temporary name, renamed to the archive's once the child has exited
        return file.replaceFirst("\\.jsa\\.[0-9]+\\.tmp$", ".jsa");
    }
}
