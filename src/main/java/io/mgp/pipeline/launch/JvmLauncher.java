package io.mgp.pipeline.launch;

import io.mgp.pipeline.PipelineException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Gives {@code java -jar pipeline.jar run}, typed with no JVM options, the JVM a run is fast in. A run lasts seconds on
 * a few cores: the C2 compiler's threads would take much of the CPU for code that finishes before their work pays off,
 * so the run goes to a child JVM with C1 only, the parallel collector with a small young generation, its heap in huge
 * pages where Linux gives them on request, and a class archive of the jar ({@link ClassArchive}); the launching JVM
 * waits for it and exits with its code. Every other command that ends by itself ({@code build}, {@code query},
 * {@code seed} ...) goes to the child too, mostly for its class archive: without it, {@code query} loads some 1,500
 * classes from the jar. {@code serve} goes to a child with the class archive but untuned (long-lived: C2 pays off). A
 * JVM started with any {@code -XX:} option is the user's own tuning and runs the command itself; but on JDK 24 and 25,
 * {@code run} and {@code serve} go to an untuned child all the same, as Netty would make this JVM warn
 * ({@link JdkOptions}). {@code -Dmgp.launcher=off} turns it off. Where the jar's folder cannot be written, DuckDB's
 * native library is kept in the user's cache, and every command goes to a child JVM started with it on its library
 * path.
 */
public final class JvmLauncher {

    /** Set in the child JVM, so that it runs the command: when the launching JVM started, in epoch milliseconds. */
    static final String LAUNCHED = "mgp.launched";
    private static final List<String> RUN_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC");
    /**
     * A young generation of 48 MB: the collector would grow it to some 400 MB in a real-data run, and the kernel zeroes
     * each page of it the first time it is touched; a small one is touched once and reused after each collection.
     */
    private static final String SMALL_YOUNG_GENERATION = "-Xmn48m";
    /**
     * The least heap the small young generation is for: in a smaller one (the user's {@code -Xmx}, or a container's
     * memory) it would leave the old generation too little, and below 64 MB the JVM warns of it.
     */
    static final long SMALL_YOUNG_GENERATION_FROM = 256L << 20;
    private static final Path HUGE_PAGES = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    /** Commands that end by themselves, in seconds: a child JVM with the class archive starts each 0.1 to 1 s sooner. */
    private static final Set<String> BATCH_COMMANDS = Set.of("run", "build", "test", "docs", "query", "history", "maintain", "seed");
    /** Commands that start Vert.x, and with it Netty: the API's server, or a run's management endpoints. */
    private static final Set<String> NETTY_COMMANDS = Set.of("run", "serve");
    private static final Set<String> NO_RUN = Set.of("-h", "--help", "-V", "--version", "help");

    private JvmLauncher() {
    }

    /**
     * Runs the command line in a child JVM when that makes it faster, when DuckDB's native library needs an option
     * this JVM was not started with ({@link DuckDbLibrary}), or when this JVM would warn of what the command does and a
     * child would not ({@link JdkOptions}), and returns its exit code; empty otherwise.
     *
     * @throws IllegalStateException when DuckDB's native library cannot be made loadable
     */
    public static OptionalInt runInTunedJvm(String[] args) {
        if (System.getProperty(LAUNCHED) != null) {
            return OptionalInt.empty();
        }
        FutureTask<Long> started = startTimeInBackground();
        List<String> libraryOptions = duckDbLibraryOptions();
        Optional<Path> jar = launchedJar();
        Optional<List<String>> jvmOptions = jvmOptions();
        boolean relaunches = !"off".equals(System.getProperty("mgp.launcher")) && jar.isPresent() && jvmOptions.isPresent();
        if (!relaunches) {
            if (!libraryOptions.isEmpty()) {
                throw new IllegalStateException("DuckDB's native library could not be placed beside the jar; start Java with "
                        + String.join(" ", libraryOptions));
            }
            return OptionalInt.empty();
        }
        boolean usersOwn = jvmOptions.get().stream().anyMatch(o -> o.startsWith("-XX:"));
        boolean tuned = isBatch(args) && !usersOwn;
        boolean archived = usesArchive(args) && !usersOwn;
        boolean quieterInChild = !asksForHelp(args) && NETTY_COMMANDS.contains(command(args)) && JdkOptions.warnsWithout(jvmOptions.get());
        if (!archived && !quieterInChild && libraryOptions.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            // the library's option last: a -Djava.library.path of the user's is in it already
            return OptionalInt.of(runChild(jar.get(), tuned, archived, concat(jvmOptions.get(), libraryOptions), started, args));
        } catch (IOException e) {
            if (!libraryOptions.isEmpty()) {
                throw new IllegalStateException("cannot start a JVM for the command: " + e.getMessage(), e);
            }
            // the command still runs, in this JVM
            return OptionalInt.empty();
        }
    }

    private static List<String> duckDbLibraryOptions() {
        Optional<DuckDbLibrary> library = DuckDbLibrary.packedInJar();
        if (library.isEmpty()) {
            return List.of();
        }
        try {
            return library.get().place();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write DuckDB's native library: " + PipelineException.reason(e), e);
        }
    }

    /**
     * In the child: stops when the launching JVM is gone (killed, so it could not stop its child), as if it were sent
     * SIGTERM itself.
     */
    public static void exitWithLauncher() {
        if (System.getProperty(LAUNCHED) != null) {
            ProcessHandle.current().parent().ifPresent(launcher -> launcher.onExit().thenRun(() -> System.exit(143)));
        }
    }

    /**
     * How long ago the command was launched: the JVM the user started, which is this one's parent when it was
     * relaunched. What a run's start-up and total times count from.
     */
    public static Duration sinceLaunch() {
        long launched = Long.getLong(LAUNCHED, ManagementFactory.getRuntimeMXBean().getStartTime());
        return Duration.ofMillis(Math.max(0, System.currentTimeMillis() - launched));
    }

    /** Whether the command line only asks for help or the version: no command runs. */
    public static boolean asksForHelp(String[] args) {
        return Arrays.stream(args).anyMatch(NO_RUN::contains);
    }

    /** Whether the command ends by itself, so runs in the tuned JVM: all but {@code serve}, and help, which runs nothing. */
    static boolean isBatch(String[] args) {
        return !asksForHelp(args) && BATCH_COMMANDS.contains(command(args));
    }

    /**
     * Whether the command starts from the jar's class archive: every command that ends, and {@code serve}, untuned (it
     * runs long enough for C2 to pay off), which then starts in about 3.3 s rather than 4.3 to 5.0 s.
     */
    static boolean usesArchive(String[] args) {
        return isBatch(args) || !asksForHelp(args) && "serve".equals(command(args));
    }

    /** The command a command line runs: no command, or only flags, means run (io.mgp.pipeline.cli.Cli). */
    private static String command(String[] args) {
        return args.length == 0 || args[0].startsWith("-") ? "run" : args[0];
    }

    private static int runChild(Path jar, boolean tuned, boolean archived, List<String> jvmOptions, FutureTask<Long> started,
            String[] args) throws IOException {
        ClassArchive archive = archived ? ClassArchive.forJar(jar, command(args)) : ClassArchive.none();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (tuned) {
            // the launching JVM's heap is the child's: the same options, the same machine
            command.addAll(tunedOptions(HUGE_PAGES, Runtime.getRuntime().maxMemory()));
        }
        command.addAll(archive.jvmOptions());
        command.addAll(JdkOptions.forChild());
        command.addAll(jvmOptions);
        // the JVM's own start time: the operating system's (ProcessHandle) counts from a boot time known to the second
        command.add("-D" + LAUNCHED + "=" + startTime(started));
        command.addAll(List.of("-cp", jar.toString(), "io.mgp.pipeline.Main"));
        command.addAll(Arrays.asList(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        // Ctrl-C reaches both JVMs; a SIGTERM only this one, which passes it on. Either way the child ends first.
        Thread stopChild = new Thread(() -> {
            child.destroy();
            waitFor(child);
            // a server stops this way: its archive, dumped as it exited, is put in place before this JVM halts
            archive.childExited();
        }, "stop-child-jvm");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int exitCode = waitFor(child);
        try {
            Runtime.getRuntime().removeShutdownHook(stopChild);
        } catch (IllegalStateException e) {
            // a signal is stopping this JVM: the hook stopped the child, and the JVM exits with the signal's status
        }
        archive.childExited();
        return exitCode;
    }

    /**
     * C1 only, the parallel collector and, in a heap of {@code maxHeap} bytes that has room for it, its small young
     * generation; and the heap in transparent huge pages where Linux gives them only to the memory that asks for them
     * ({@code madvise}, the setting read from {@code hugePages}): a real-data run then has half the page faults
     * (137,000 against 266,000), each of which the kernel had to zero a page for, and took 0.96x the CPU (6 alternating
     * rounds). Where the setting is {@code always}, the heap has them already; where it is {@code never} or unknown,
     * the JVM would warn that it cannot have them.
     */
    static List<String> tunedOptions(Path hugePages, long maxHeap) {
        List<String> options = new ArrayList<>(RUN_OPTIONS);
        if (maxHeap >= SMALL_YOUNG_GENERATION_FROM) {
            options.add(SMALL_YOUNG_GENERATION);
        }
        if (givesHugePagesOnRequest(hugePages)) {
            options.add("-XX:+UseTransparentHugePages");
        }
        return options;
    }

    private static boolean givesHugePagesOnRequest(Path hugePages) {
        try {
            return Files.readString(hugePages).contains("[madvise]");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * When this JVM started, read on a thread of its own: the management classes that know it took 13 to 17 ms to load
     * in the launching JVM, meanwhile the launcher finds the jar, the library and the archive.
     */
    private static FutureTask<Long> startTimeInBackground() {
        FutureTask<Long> started = new FutureTask<>(() -> ManagementFactory.getRuntimeMXBean().getStartTime());
        Thread reader = new Thread(started, "jvm-start-time");
        reader.setDaemon(true);
        reader.start();
        return started;
    }

    private static long startTime(FutureTask<Long> started) {
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // not expected of the JVM's own bean
        }
        // the child's start-up is then counted from now, a tenth of a second short
        return System.currentTimeMillis();
    }

    private static int waitFor(Process child) {
        while (true) {
            try {
                if (child.waitFor(1, TimeUnit.DAYS)) {
                    return child.exitValue();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The jar this JVM runs with {@code java -jar}: its class path is that jar alone. */
    private static Optional<Path> launchedJar() {
        try {
            Path codeSource = Path.of(JvmLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String classPath = System.getProperty("java.class.path", "");
            return Files.isRegularFile(codeSource) && Path.of(classPath).toAbsolutePath().equals(codeSource.toAbsolutePath())
                    ? Optional.of(codeSource) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    /** The options this JVM was started with (before {@code -jar}), as the operating system tells its command line. */
    private static Optional<List<String>> jvmOptions() {
        return ProcessHandle.current().info().arguments().map(arguments -> {
            List<String> options = new ArrayList<>();
            for (String argument : arguments) {
                if ("-jar".equals(argument)) {
                    return options;
                }
                options.add(argument);
            }
            return null;
        });
    }
}
