package io.mgp.pipeline.launch;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * A class-data-sharing archive of the jar and a command, beside the jar: the classes the command loads, parsed and
 * verified, which later JVMs map instead of loading them again (about a fifth of a run's start-up). The command's first
 * run writes it as it exits; a new jar or another JDK gets archives of its own, and the old ones are deleted. On JDK 19
 * and later the JVM makes and checks it itself ({@code -XX:+AutoCreateSharedArchive}); on JDK 17 and 18 the child JVM
 * dumps it under a temporary name that is renamed once it has exited. Where the jar's folder cannot be written, runs go
 * without.
 */
final class ClassArchive {

    private static final String SUFFIX = ".jsa";

    private final Path archive;
    private final Path dumped;

    private ClassArchive(Path archive, Path dumped) {
        this.archive = archive;
        this.dumped = dumped;
    }

    /** No archive: for a child JVM that runs as the user tuned it. */
    static ClassArchive none() {
        return new ClassArchive(null, null);
    }

    /**
     * The archive of a command (run, build, query ...) of the jar: each its own, as an archive holds the classes of the
     * command that made it (a run's, made by a build, lacked Camel's, and the run started about a second later).
     */
    static ClassArchive forJar(Path jar, String command) {
        Path folder = jar.toAbsolutePath().getParent();
        if (folder == null || !Files.isWritable(folder)) {
            return none();
        }
        String jarAndJdk = baseName(jar) + "-" + key(jar) + "-";
        Path archive = folder.resolve(jarAndJdk + command + SUFFIX);
        deleteOthers(folder, baseName(jar), jarAndJdk);
        Path dumped = autoCreates() || Files.exists(archive) ? null
                : folder.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        return new ClassArchive(archive, dumped);
    }

    /** The child JVM's options: use the archive, or make it; nothing when the jar's folder is not writable. */
    List<String> jvmOptions() {
        if (archive == null) {
            return List.of();
        }
        // a JVM that cannot use an archive (another JDK's, a damaged one) starts without it, silently
        List<String> sharing = concat(List.of("-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"), mappedWhereMade());
        if (autoCreates()) {
            return concat(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive), sharing);
        }
        return concat(List.of(dumped == null ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + dumped), sharing);
    }

    /**
     * Puts an archive the child dumped as it exited in its place (JDK 17 and 18). Called by the launcher's main thread
     * and by its shutdown hook, which may race: the one that moves the file wins, the other finds none.
     */
    void childExited() {
        if (dumped == null) {
            return;
        }
        try {
            if (Files.size(dumped) > 0) {
                Files.move(dumped, archive, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            // another file system under the same folder: not expected; the next run dumps again
        } catch (IOException e) {
            // no archive this time (the child was killed before it could dump): the next run makes one
        } finally {
            try {
                Files.deleteIfExists(dumped);
            } catch (IOException e) {
                // left for the next archive's clean-up
            }
        }
    }

    /**
     * Maps the archives at the address they were made for. Since JDK 17.0.x the JVM maps them elsewhere by default, for
     * address-space randomisation, and then rewrites every pointer in them: for the JDK's archive and the run's, some
     * 75 MB together, 13,000 page faults and 0.1 s of CPU at every start (a JVM printing the jar's version: 0.56 s and
     * 20,800 faults, against 0.43 s and 7,800). The option is diagnostic, and known to JDK 17 to 25 only: a JVM refuses
     * to start with an option it does not know.
     */
    private static List<String> mappedWhereMade() {
        int feature = Runtime.version().feature();
        return feature >= 17 && feature <= 25 ? List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0") : List.of();
    }

    private static boolean autoCreates() {
        return Runtime.version().feature() >= 19;
    }

    private static String baseName(Path jar) {
        String name = jar.getFileName().toString();
        return name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
    }

    /** The jar's size and time, and the JDK: an archive holds only for the very jar and JDK that made it. */
    private static String key(Path jar) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            String identity = attributes.size() + "/" + attributes.lastModifiedTime().toMillis() + "/"
                    + System.getProperty("java.home") + "/" + Runtime.version();
            return Integer.toHexString(identity.hashCode());
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Archives (and temporary dumps) of earlier builds or other JDKs: each is as large as tens of MB. */
    private static void deleteOthers(Path folder, String baseName, String keptPrefix) {
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(baseName + "-") && (name.endsWith(SUFFIX) || name.endsWith(".tmp")) && !name.startsWith(keptPrefix);
            }).forEach(ClassArchive::deleteQuietly);
        } catch (IOException e) {
            // nothing to clean, or nothing we may clean
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // another run's, in use
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
