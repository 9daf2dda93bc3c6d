package io.mgp.pipeline.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on loopback: a master and workers, each a JVM of its own started from the module's jars
 * ({@code target/lib}), as Spark's own scripts would start them. Workers start their executors from a Spark home, which
 * is a folder holding a {@code RELEASE} file and {@code jars/}, a link to those jars.
 */
final class StandaloneCluster implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(90);
    private static final List<String> OPENS = List.of("--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED");

    private final Path folder;
    private final Path home;
    private final Path lib;
    private final List<Process> processes = Collections.synchronizedList(new ArrayList<>());
    private final FutureTask<String> master;
    private final Thread starter;

    /**
     * Starts a master and {@code workers} workers of one core and {@code memory} each, on a thread of its own: the
     * caller goes on (three JVMs take seconds to start and register) until it asks for {@link #master()}.
     */
    StandaloneCluster(Path folder, Path lib, int workers, String memory) throws IOException {
        this.folder = folder;
        this.lib = lib.toAbsolutePath();
        this.home = folder.resolve("spark-home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("RELEASE"), "Spark 4.1.3, the jars of mgp-pipeline-spark\n");
        Files.createSymbolicLink(home.resolve("jars"), this.lib);
        master = new FutureTask<>(() -> start(workers, memory));
        starter = new Thread(master, "standalone-cluster-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * The master's URL, for {@code --spark-master}, once the workers have registered with it; or the start's own error
     * (each of its waits gives up after {@link #START}).
     */
    String master() throws InterruptedException, ExecutionException {
        return master.get();
    }

    private String start(int workers, String memory) throws IOException, InterruptedException {
        // port 0: the master takes a free one and says which, with no race against another test's probe
        Path masterLog = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "0",
                "--webui-port", "0");
        awaitLine(masterLog, "I have been elected leader");
        Matcher url = Pattern.compile("Starting Spark master at (spark://\\S+)").matcher(Files.readString(masterLog));
        if (!url.find()) {
            throw new IllegalStateException(masterLog + " does not say the master's URL");
        }
        List<Path> logs = new ArrayList<>();
        for (int i = 1; i <= workers; i++) {
            logs.add(start("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                    "--memory", memory, "--webui-port", "0", "--work-dir", folder.resolve("work-" + i).toString(), url.group(1)));
        }
        for (Path log : logs) {
            awaitLine(log, "Successfully registered with master");
        }
        return url.group(1);
    }

    /** How many executors the workers launched, from their logs. */
    long executorsLaunched() throws IOException {
        long launched = 0;
        List<Path> logs;
        try (Stream<Path> files = Files.list(folder)) {
            logs = files.filter(f -> f.getFileName().toString().startsWith("worker-") && f.getFileName().toString().endsWith(".log")).toList();
        }
        for (Path log : logs) {
            launched += Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains("Asked to launch executor")).count();
        }
        return launched;
    }

    private Path start(String name, String mainClass, String... args) throws IOException {
        Path log = folder.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-cp", lib + "/*"));
        command.addAll(OPENS);
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13"));
        processes.add(builder.start());
        return log;
    }

    private static void awaitLine(Path log, String line) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(line)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(log + " did not say '" + line + "' within " + START.toSeconds() + " s:\n"
                + (Files.exists(log) ? Files.readString(log) : ""));
    }

    @Override
    public void close() throws InterruptedException {
        // a start still under way is interrupted, and has ended, before what it started is stopped
        starter.interrupt();
        try {
            starter.join();
        } finally {
            stop();
        }
    }

    /** The workers (and the executors they started) first, then the master: last started, first stopped. */
    private void stop() throws InterruptedException {
        List<Process> started;
        synchronized (processes) {
            started = List.copyOf(processes);
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            Process process = started.get(i);
            List<ProcessHandle> executors = process.descendants().toList();
            executors.forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle executor : executors) {
                executor.onExit().completeOnTimeout(executor, 20, TimeUnit.SECONDS).join();
                executor.destroyForcibly();
            }
        }
    }
}
