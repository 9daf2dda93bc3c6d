package io.mgp.pipeline.launch;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What a JVM the launcher starts needs on its command line to run the jar as {@code java -jar} would, and to say
 * nothing of it on the JDK it runs on. The packages the manifest opens ({@code Add-Opens}, for the Spark engine), which
 * {@code java -cp} does not read, as far as this JDK has them: JDK 24 dropped {@code sun.security.action}, and a JVM
 * warns of an opened package it lacks. From JDK 24 on, DuckDB's native library allowed, and on JDK 24 and 25 Netty's
 * {@code sun.misc.Unsafe} memory access: otherwise the JVM warns of both at every start (JEP 472 and JEP 498), ten
 * lines before the command's first. (A JDK after 25 is not given the second option, which it may have dropped; if it
 * still warns, its warning shows.)
 */
final class JdkOptions {

    private static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    /** Known to JDK 23 to 25: a later JDK may drop it, and a JVM refuses to start with an option it does not know. */
    private static final String UNSAFE_MEMORY_ACCESS = "--sun-misc-unsafe-memory-access=allow";

    private JdkOptions() {
    }

    /** The options of a child JVM on this JDK. */
    static List<String> forChild() throws IOException {
        List<String> options = new ArrayList<>(opens(manifestOpens()));
        int feature = Runtime.version().feature();
        if (feature >= 24) {
            options.add(NATIVE_ACCESS);
        }
        if (unsafeMemoryAccessWarns()) {
            options.add(UNSAFE_MEMORY_ACCESS);
        }
        return options;
    }

    /**
     * Whether a JVM started with these options warns of Netty's memory access, which a child would not: a command that
     * starts Netty then runs in a child. (The manifest's {@code Enable-Native-Access} spares the JVM that
     * {@code java -jar} starts the native-library warning.)
     */
    static boolean warnsWithout(List<String> jvmOptions) {
        return unsafeMemoryAccessWarns() && jvmOptions.stream().noneMatch(o -> o.startsWith("--sun-misc-unsafe-memory-access"));
    }

    /** Whether this JDK warns of {@code sun.misc.Unsafe}'s memory access by default and knows the option that allows it. */
    static boolean unsafeMemoryAccessWarns() {
        int feature = Runtime.version().feature();
        return feature >= 24 && feature <= 25;
    }

    /** {@code Add-Opens} entries ({@code module/package}, space-separated) as options, but for packages this JDK lacks. */
    static List<String> opens(String addOpens) {
        if (addOpens == null || addOpens.isBlank()) {
            return List.of();
        }
        return Arrays.stream(addOpens.trim().split("\\s+")).filter(JdkOptions::exists).map(p -> "--add-opens=" + p + "=ALL-UNNAMED").toList();
    }

    private static boolean exists(String modulePackage) {
        int slash = modulePackage.indexOf('/');
        return slash > 0 && ModuleLayer.boot().findModule(modulePackage.substring(0, slash))
                .map(module -> module.getPackages().contains(modulePackage.substring(slash + 1))).orElse(false);
    }

    /** The jar manifest's {@code Add-Opens}, read through the class path, whose one jar is this one. */
    private static String manifestOpens() throws IOException {
        try (InputStream in = JdkOptions.class.getResourceAsStream("/" + JarFile.MANIFEST_NAME)) {
            return in == null ? null : new Manifest(in).getMainAttributes().getValue("Add-Opens");
        }
    }
}
