package io.mgp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar on its own: {@code java -jar target/pipeline.jar} finds its routes, components and SQL inside it. */
class PipelineJarIT {

    private static final Path JAR = Path.of(System.getProperty("pipeline.jar", "target/pipeline.jar"));
    /** A JDK of version 24 or later, where there is one: this machine's Temurin 25 by default. */
    private static final Path NEWER_JDK = Path.of(System.getProperty("mgp.test.newer-jdk", "/usr/lib/jvm/temurin-25-jdk-amd64"));

    @TempDir
    Path temp;

    /** One run as users start it: the lake, the summary on stdout, progress and model lines only on stderr, Camel's in the log. */
    @Test
    void jarRunCrawlsIntoTheLakePrintsASummaryAndKeepsCamelsLinesInTheRunLog() throws Exception {
        Path lake = temp.resolve("lake");
        Process run = java("run", "--seeds", TestSeeds.small().toString(), "--lake", lake.toString(), "--port", "0");
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "run finishes");
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String console = Files.readString(temp.resolve("stderr.log"));
        assertEquals(0, run.exitValue(), output + console);

        assertTrue(output.startsWith("Run finished in"), "the summary alone on stdout: " + output);
        long results = LakeAssertions.parquetRows(TestSeeds.small().resolve("classifications.parquet"));
        assertTrue(output.matches("(?s).*Gold\\s+mgp\\s+" + String.format("%,d", results) + " rows.*"),
                "the summary gives gold's rows: " + output);
        assertTrue(output.matches("(?s).*Stages\\s+startup [\\d.]+ s, crawl [\\d.]+ s, tasks [\\d.]+ s, transform [\\d.]+ s.*"), output);
        assertTrue(output.matches("(?s).*Tasks\\s+done [\\d,]+, empty [\\d,]+, failed 0, pending 0.*"), output);
        assertTrue(output.contains("Lake       " + lake.toAbsolutePath()), output);
        assertTrue(output.contains("Docs       " + lake.toAbsolutePath().resolve("docs/index.html") + ", or http://127.0.0.1:"), output);
        assertTrue(Files.exists(lake.resolve("docs/docs-data.js")), "the run wrote the docs site");
        LakeAssertions.assertGoldMatchesSeeds(lake, TestSeeds.small());

        for (String line : console.lines().toList()) {
            assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d  \\w+: [\\d,]+/[\\d,]+\\+? tasks, .*")
                            || line.matches("\\d\\d:\\d\\d:\\d\\d  \\d+ of \\d+ (OK built|PASS|WARN [\\d,]+) [\\w.]+ \\.+ \\[.*]")
                            || line.startsWith("          failing rows: "),
                    "off a terminal, only progress, model and test lines are on stderr, not: " + line);
        }
        assertTrue(console.matches("(?s).*  \\d+ of (\\d+) OK built gold\\.mgp \\.+ \\[[\\d,]+ rows in [\\d.]+s].*"), console);
        assertTrue(console.matches("(?s).*  (\\d+) of \\1 PASS \\w+ \\.+ \\[PASS in [\\d.]+s].*"), "the last line counts all: " + console);
        String runLog = Files.readString(onlyRunLog(lake));
        for (String kept : List.of("Apache Camel (Main) 4.18.0 is starting", "Loaded seeds from", "Bronze batch written",
                "OK built gold.mgp", "Run finished")) {
            assertTrue(runLog.contains(kept), "the run's log keeps '" + kept + "'");
        }
    }

    @Test
    void jarLoadsDuckDbFromBesideItselfInsteadOfInflatingATemporaryCopyAtEachStart() throws Exception {
        Path app = Files.createDirectories(temp.resolve("app"));
        Path jar = Files.copy(JAR, app.resolve("pipeline.jar"));
        // a temporary folder that does not exist: the driver's own way, a copy there, would fail
        String tmpdir = "-Djava.io.tmpdir=" + temp.resolve("no-such-folder");
        Process seed = java(jar, List.of(tmpdir), "seed", "--out", temp.resolve("seeds").toString());
        assertTrue(seed.waitFor(120, TimeUnit.SECONDS), "seed finishes");
        assertEquals(0, seed.exitValue(), Files.readString(temp.resolve("stderr.log")));

        try (var besideJar = Files.list(app)) {
            List<String> names = besideJar.map(f -> f.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("libduckdb_java.so_")), "the driver's name, beside the jar: " + names);
        }
    }

    @Test
    void jarRunVerboseShowsCamelsLinesToo() throws Exception {
        Process run = java("run", "--verbose", "--quiet", "--seeds", TestSeeds.small().toString(),
                "--lake", temp.resolve("lake").toString(), "--port", "0");
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "run finishes");
        run.getInputStream().readAllBytes();
        String console = Files.readString(temp.resolve("stderr.log"));
        assertEquals(0, run.exitValue(), console);
        assertTrue(console.contains("Apache Camel 4.18.0 (mgp-pipeline) is starting"), console);
        assertTrue(console.contains("Bronze batch written"), console);
    }

    @Test
    void jarServeOnPortZeroSaysWhereItListensAnswersLogsEachRequestAndStopsOnSigtermLeavingItsClassArchive() throws Exception {
        // a jar of its own, so that this serve is the first and writes the archive as it stops
        Path app = Files.createDirectories(temp.resolve("app"));
        Path jar = Files.copy(JAR, app.resolve("pipeline.jar"));
        Process server = java(jar, List.of(), "serve", "--seeds", TestSeeds.small().toString(), "--port", "0");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            Matcher address = Pattern.compile("Serving the emulated MotoGP API at (http://127\\.0\\.0\\.1:(\\d+))")
                    .matcher(String.valueOf(out.readLine()));
            assertTrue(address.matches(), "the first line says where");
            String base = address.group(1);
            List<String> banner = List.of(out.readLine(), out.readLine(), out.readLine(), out.readLine(), out.readLine());
            assertTrue(banner.contains("  Health     " + base + "/observe/health"), banner.toString());
            assertTrue(banner.contains("  Metrics    " + base + "/observe/metrics"), banner.toString());
            HttpClient http = HttpClient.newHttpClient();
            assertEquals("Local Open MotoGP DB",
                    http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString()).body());
            HttpResponse<String> seasons = http.send(HttpRequest.newBuilder(URI.create(base + "/seasons")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, seasons.statusCode());
            assertTrue(seasons.body().startsWith("[{\"id\":"), seasons.body());
            awaitLine(temp.resolve("stderr.log"), "  GET /seasons 200 ");
            String console = Files.readString(temp.resolve("stderr.log"));
            assertFalse(console.contains("Apache Camel"), "Camel's start lines stay off the terminal: " + console);
        } finally {
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "serve stops on SIGTERM");
        }
        try (var besideJar = Files.list(app)) {
            List<String> names = besideJar.map(f -> f.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.matches("pipeline-\\w+-serve\\.jsa")), "the next serve starts from it: " + names);
        }
    }

    /**
     * On a JDK that warns of native libraries and of {@code sun.misc.Unsafe} (24 and later), as users run the jar: the
     * JVM {@code java -jar} starts ({@code seed}) and the child the launcher starts ({@code serve}, with DuckDB and
     * Netty) write nothing of it.
     */
    @Test
    void onJdk25TheJvmSaysNothingOfDuckDbsLibraryNorOfNetty() throws Exception {
        Path newerJava = NEWER_JDK.resolve("bin/java");
        assumeTrue(Files.isExecutable(newerJava) && featureVersion(NEWER_JDK) >= 24,
                "no JDK 24 or later at " + NEWER_JDK + " (-Dmgp.test.newer-jdk=DIR)");
        Process seed = java(newerJava, JAR, "seed", "--out", temp.resolve("seeds").toString(), "--scale", "0.01");
        assertTrue(seed.waitFor(60, TimeUnit.SECONDS), "seed finishes");
        assertEquals(0, seed.exitValue(), Files.readString(temp.resolve("stderr.log")));
        assertEquals("", jvmWarnings(), "seed, in the JVM java -jar started");

        Process server = java(newerJava, JAR, "serve", "--seeds", TestSeeds.small().toString(), "--port", "0");
        try {
            String first = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertTrue(String.valueOf(first).startsWith("Serving the emulated MotoGP API at "), first + Files.readString(temp.resolve("stderr.log")));
            assertEquals("", jvmWarnings(), "serve, in the launcher's child");
        } finally {
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "serve stops on SIGTERM");
        }
        assertEquals(143, server.exitValue(), "stopped by SIGTERM");
        assertEquals("", Files.readString(temp.resolve("stderr.log")), "nothing on stderr, not even as serve stops");
    }

    /** The feature version of the JDK at {@code home}, from its {@code release} file; 0 when it has none. */
    private static int featureVersion(Path home) throws IOException {
        Path release = home.resolve("release");
        Matcher version = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.exists(release) ? Files.readString(release) : "");
        return version.find() ? Integer.parseInt(version.group(1)) : 0;
    }

    private String jvmWarnings() throws IOException {
        return Files.readString(temp.resolve("stderr.log")).lines().filter(line -> line.startsWith("WARNING"))
                .collect(Collectors.joining("\n"));
    }

    private static Path onlyRunLog(Path lake) throws IOException {
        try (var runs = Files.list(lake.resolve("logs"))) {
            return runs.findFirst().orElseThrow().resolve("process.log");
        }
    }

    private static void awaitLine(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.readString(log).contains(text)) {
            assertTrue(System.nanoTime() < deadline, "no line with '" + text + "' in " + Files.readString(log));
            Thread.sleep(50);
        }
    }

    private Process java(String... args) throws IOException {
        return java(JAR, List.of(), args);
    }

    private Process java(Path jar, List<String> jvmOptions, String... args) throws IOException {
        return java(Path.of(System.getProperty("java.home"), "bin", "java"), jar, jvmOptions, args);
    }

    private Process java(Path java, Path jar, String... args) throws IOException {
        return java(java, jar, List.of(), args);
    }

    private Process java(Path java, Path jar, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        assertTrue(Files.isRegularFile(jar), "run 'mvn package' first: " + jar);
        return new ProcessBuilder(command).redirectError(temp.resolve("stderr.log").toFile()).start();
    }
}
