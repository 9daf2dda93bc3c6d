package io.mgp.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

class JvmLauncherTest {

    private static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
    private static final long GIGABYTE = 1L << 30;

    @TempDir
    Path folder;

    @Test
    void theHeapAsksForHugePagesOnlyWhereLinuxGivesThemToMemoryThatAsks() throws Exception {
        assertTrue(JvmLauncher.tunedOptions(setting("always [madvise] never"), GIGABYTE).contains(HUGE_PAGES));
        assertFalse(JvmLauncher.tunedOptions(setting("[always] madvise never"), GIGABYTE).contains(HUGE_PAGES),
                "the heap has them already");
        assertFalse(JvmLauncher.tunedOptions(setting("always madvise [never]"), GIGABYTE).contains(HUGE_PAGES), "the JVM would warn");
        assertFalse(JvmLauncher.tunedOptions(folder.resolve("no-such-setting"), GIGABYTE).contains(HUGE_PAGES), "not Linux");
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmn48m"),
                JvmLauncher.tunedOptions(setting("always madvise [never]"), GIGABYTE));
    }

    @Test
    void thisJdkStartsWithTheTunedOptionsOfThisMachineAndSaysNothingOfThem() throws Exception {
        List<String> options = JvmLauncher.tunedOptions(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"), GIGABYTE);

        assertEquals("", JavaVersion.stderrBesidesTheVersion(options, folder));
    }

    @Test
    void aHeapTooSmallForTheSmallYoungGenerationKeepsTheCollectorsOwnAndTheJvmSaysNothing() throws Exception {
        long userHeap = 32L << 20;
        List<String> options = new ArrayList<>(JvmLauncher.tunedOptions(setting("always [madvise] never"), userHeap));
        assertFalse(options.contains("-Xmn48m"), options.toString());
        assertTrue(JvmLauncher.tunedOptions(setting("always [madvise] never"), JvmLauncher.SMALL_YOUNG_GENERATION_FROM)
                .contains("-Xmn48m"));

        options.add("-Xmx32m");
        assertEquals("", JavaVersion.stderrBesidesTheVersion(options, folder), "the user's -Xmx comes after the tuned options");
    }

    @Test
    void everyCommandButServeRunsInTheTunedJvmServeOnlyWithTheArchiveAndHelpInNone() {
        for (Class<?> command : Cli.class.getAnnotation(Command.class).subcommands()) {
            String name = command.getAnnotation(Command.class).name();
            assertEquals(!Set.of("serve", "help").contains(name), JvmLauncher.isBatch(new String[] {name, "--lake", "lake"}), name);
        }
        assertTrue(JvmLauncher.isBatch(new String[] {"--seeds", "seeds"}), "no command is run");
        assertTrue(JvmLauncher.usesArchive(new String[] {"serve", "--port", "0"}), "serve starts from the archive, untuned");
        assertFalse(JvmLauncher.usesArchive(new String[] {"serve", "--help"}));
        assertFalse(JvmLauncher.isBatch(new String[] {"query", "--help", "SELECT 1"}));
        assertFalse(JvmLauncher.isBatch(new String[] {"no-such-command"}), "a mistake is said without a second JVM");
    }

    private Path setting(String text) throws Exception {
        return Files.writeString(folder.resolve("enabled"), text + "\n");
    }
}
