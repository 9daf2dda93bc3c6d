package io.mgp.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.ChildRun;
import io.mgp.pipeline.TestSeeds;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line: help, wrong usage and user errors each give one clear line and the right exit code. */
class CliTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run --bogus                 | Unknown option: '--bogus'",
        "run --port abc              | Invalid value for option '--port'",
        "run --port 70000            | --port must be between 0 and 65535",
        "run --concurrency 0         | --concurrency must be at least 1",
        "run --tasks -1              | --tasks must be 0 or more",
        "run --tasks many            | Invalid value for option '--tasks'",
        "run --max-rps 0             | --max-rps must be at least 1",
        "run --api-url not-a-url     | --api-url is not an http URL",
        "seed --scale -1             | --scale must be a number above 0",
        "serve --port -5             | --port must be between 0 and 65535",
        "run --faults bogus=1        | --faults: unknown fault 'bogus'",
        "run --faults error=2        | --faults: error must be a probability from 0 to 1, got '2'",
        "run --faults drop=0.1,seed=x | --faults: seed must be a whole number, got 'x'",
        "serve --faults throttle=-5  | --faults: throttle must be a number of requests per second above 0",
        "serve --faults latency=5    | --faults: latency must be a duration such as 5ms or 1s",
        "serve --faults malformed    | --faults: expected key=value, got 'malformed'",
        "build --select nope         | --select: no model or source is named 'nope'",
        "test -s +silver.nope        | --select: no model or source is named 'silver.nope'",
    })
    void wrongUsageIsOneLineAndExitCode2(String args, String message) {
        CliRun result = CliRun.execute(args.split(" "));
        assertEquals(2, result.code(), result.err());
        result.assertOneLineError(message);
    }

    @Test
    void missingSeedsFolderIsOneLineAndExitCode1() {
        CliRun result = CliRun.execute("run", "--seeds", temp.resolve("nowhere").toString(), "--lake", temp.resolve("lake").toString(),
                "--port", "0");
        assertEquals(1, result.code());
        result.assertOneLineError("seeds folder not found");
        assertFalse(Files.exists(temp.resolve("lake/bronze")), "nothing is written when the seeds are missing");
    }

    @Test
    void unwritableLakeIsOneLineAndExitCode1() throws IOException {
        Path lake = Files.createDirectory(temp.resolve("readonly"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("r-xr-xr-x")));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(lake), "running as a user who can write anywhere");
        CliRun result = CliRun.execute("run", "--seeds", TestSeeds.small().toString(), "--lake", lake.toString(), "--port", "0");
        assertEquals(1, result.code());
        result.assertOneLineError("lake folder is not writable");
    }

    @Test
    void lakePathThatIsAFileIsOneLineAndExitCode1() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "not a folder");
        CliRun result = CliRun.execute("run", "--seeds", TestSeeds.small().toString(), "--lake", file.toString(), "--port", "0");
        assertEquals(1, result.code());
        result.assertOneLineError("lake folder is not writable");
        assertEquals("not a folder", Files.readString(file), "the file is left as it was");
    }

    @Test
    void unreachableApiIsOneLineAtOnceWithoutRetries() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CliRun result = CliRun.execute("run", "--api-url", "http://127.0.0.1:" + closedPort, "--lake", temp.resolve("lake").toString());
        assertEquals(1, result.code());
        // said by the probe before the first request: a retried request would fail with the HTTP client's words
        result.assertOneLineError("cannot reach the API at http://127.0.0.1:" + closedPort + ": Connection refused");
    }

    @Test
    void unwritableSeedsFolderIsOneLineNamingIt() {
        CliRun result = CliRun.execute("seed", "--out", "/proc/x", "--scale", "0.01");
        assertEquals(1, result.code(), result.err());
        result.assertOneLineError("cannot write seeds to /proc/x: no such file or folder");
    }

    @Test
    void lakeWhereNoFolderCanBeMadeIsOneLineNamingItOnce() {
        CliRun result = CliRun.execute("run", "--seeds", TestSeeds.small().toString(), "--lake", "/proc/forbidden", "--port", "0");
        assertEquals(1, result.code(), result.err());
        result.assertOneLineError("lake folder is not writable: /proc/forbidden: no such file or folder");
        assertEquals(1, result.err().split("/proc/forbidden", -1).length - 1, "the path once: " + result.err());
    }

    @Test
    void portInUseIsOneLineAndExitCode1() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            CliRun serve = CliRun.execute("serve", "--seeds", TestSeeds.small().toString(), "--port", port);
            assertEquals(1, serve.code());
            serve.assertOneLineError("cannot serve the API on 127.0.0.1:" + port);
            CliRun run = CliRun.execute("run", "--seeds", TestSeeds.small().toString(), "--lake", temp.resolve("lake").toString(),
                    "--port", port);
            assertEquals(1, run.code());
            run.assertOneLineError("cannot serve the API on 127.0.0.1:" + port);
        }
    }

    @Test
    void aMistakeInTheModelsYamlStopsTheRunBeforeItFetchesAnythingWithExitCode2() throws IOException {
        Path project = temp.resolve("project");
        Files.createDirectories(project.resolve("models/silver"));
        Files.writeString(project.resolve("models/silver/t.sql"), "SELECT 1 AS id");
        Files.writeString(project.resolve("models/silver/_silver.yml"), "models: [{name: t, columns: [{name: id, data_tests: [not_nul]}]}]");

        CliRun result = CliRun.execute("run", "--seeds", TestSeeds.small().toString(), "--lake", temp.resolve("lake").toString(),
                "--port", "0", "--project", project.toString());

        assertEquals(2, result.code(), result.err());
        result.assertOneLineError("models/silver/_silver.yml: unknown test 'not_nul' on silver.t.id");
        assertFalse(Files.exists(temp.resolve("lake/bronze")), "nothing fetched");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"run", "build", "test", "docs", "history", "query", "maintain", "serve", "seed"}) {
            CliRun result = CliRun.execute(command, "--help");
            assertEquals(0, result.code());
            assertTrue(result.out().contains("Usage: pipeline " + command), result.out());
        }
        assertTrue(CliRun.execute("--help").out().contains("Commands:"));
    }

    @Test
    void everyCommandSaysTheVersion() {
        String version = CliRun.execute("--version").out();
        assertTrue(version.startsWith(Cli.NAME + " "), version);
        for (String command : new String[] {"run", "build", "docs", "serve"}) {
            assertEquals(version, CliRun.execute(command, "-V").out(), command);
        }
    }

    @Test
    void seedCommandWritesTheFiveSeedFiles() {
        CliRun result = CliRun.execute("seed", "--out", temp.resolve("seeds").toString(), "--scale", "0.01", "--random-seed", "3");
        assertEquals(0, result.code(), result.err());
        for (String table : new String[] {"seasons", "events", "categories", "sessions", "classifications"}) {
            assertTrue(Files.isRegularFile(temp.resolve("seeds").resolve(table + ".parquet")), table);
        }
    }

    @Test
    void aSecondRunOnALakeInUseIsRefusedAndAKilledRunsLockDoesNotBlock() throws Exception {
        Path lake = temp.resolve("lake");
        Process first = ChildRun.start(TestSeeds.small(), lake, "mgp.concurrency=1");
        try {
            Path lock = lake.resolve(".lock");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!(Files.exists(lock) && Files.size(lock) > 0) && first.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(first.isAlive(), "the first run should still be running");

            CliRun second = CliRun.execute("run", "--seeds", TestSeeds.small().toString(), "--lake", lake.toString(), "--port", "0");

            assertEquals(1, second.code(), second.err());
            second.assertOneLineError("is in use by another run (pid " + first.pid() + ")");
        } finally {
            first.destroyForcibly().waitFor();
        }
        CliRun afterKill = CliRun.execute("run", "--seeds", TestSeeds.small().toString(), "--lake", lake.toString(), "--port", "0");
        assertEquals(0, afterKill.code(), afterKill.err());
    }
}
