package io.mgp.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the JDK the build uses. What JDK 24 and later need (a package dropped, the warnings) is checked from the jar on
 * such a JDK by io.mgp.pipeline.PipelineJarIT, where one is installed.
 */
class JdkOptionsTest {

    @TempDir
    Path folder;

    @Test
    void onlyPackagesThisJdkHasAreOpened() {
        assertEquals(List.of("--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"),
                JdkOptions.opens(" java.base/java.nio java.base/no.such.pkg java.base/sun.nio.ch no.such.module/java.nio "));
        assertEquals(List.of(), JdkOptions.opens(null));
    }

    @Test
    void thisJdkStartsWithAChildsOptionsAndSaysNothingOfThem() throws Exception {
        List<String> options = new ArrayList<>(JdkOptions.forChild());
        options.addAll(JdkOptions.opens("java.base/java.lang java.base/sun.security.action"));

        assertEquals("", JavaVersion.stderrBesidesTheVersion(options, folder));
    }

    @Test
    void aJvmStartedWithNettysMemoryAccessAllowedNeedsNoChildForIt() {
        assertFalse(JdkOptions.warnsWithout(List.of("--sun-misc-unsafe-memory-access=allow")));
        assertEquals(JdkOptions.unsafeMemoryAccessWarns(), JdkOptions.warnsWithout(List.of("-Xmx1g")));
    }
}
