package io.mgp.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmLauncherTest {

    private static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

    @TempDir
    Path folder;

    @Test
    void theHeapAsksForHugePagesOnlyWhereLinuxGivesThemToMemoryThatAsks() throws Exception {
        assertTrue(JvmLauncher.tunedOptions(setting("always [madvise] never")).contains(HUGE_PAGES));
        assertFalse(JvmLauncher.tunedOptions(setting("[always] madvise never")).contains(HUGE_PAGES), "the heap has them already");
        assertFalse(JvmLauncher.tunedOptions(setting("always madvise [never]")).contains(HUGE_PAGES), "the JVM would warn");
        assertFalse(JvmLauncher.tunedOptions(folder.resolve("no-such-setting")).contains(HUGE_PAGES), "not Linux");
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmn48m"),
                JvmLauncher.tunedOptions(setting("always madvise [never]")));
    }

    @Test
    void thisJdkStartsWithTheTunedOptionsOfThisMachineAndSaysNothingOfThem() throws Exception {
        List<String> options = JvmLauncher.tunedOptions(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));

        assertEquals("", JavaVersion.stderrBesidesTheVersion(options, folder));
    }

    private Path setting(String text) throws Exception {
        return Files.writeString(folder.resolve("enabled"), text + "\n");
    }
}
