package io.mgp.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.ChildRun;
import io.mgp.pipeline.TestSeeds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
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
    })
    void wrongUsageIsOneLineAndExitCode2(String args, String message) {
        Result result = execute(args.split(" "));
        assertEquals(2, result.code, result.err);
        assertOneLine(result.err, message);
    }

    @Test
    void missingSeedsFolderIsOneLineAndExitCode1() {
        Result result = execute("run", "--seeds", temp.resolve("nowhere").toString(), "--lake", temp.resolve("lake").toString(),
                "--port", "0");
        assertEquals(1, result.code);
        assertOneLine(result.err, "seeds folder not found");
        assertFalse(Files.exists(temp.resolve("lake/bronze")), "nothing is written when the seeds are missing");
    }

    @Test
    void unwritableLakeIsOneLineAndExitCode1() throws IOException {
        Path lake = Files.createDirectory(temp.resolve("readonly"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("r-xr-xr-x")));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(lake), "running as a user who can write anywhere");
        Result result = execute("run", "--seeds", TestSeeds.small().toString(), "--lake", lake.toString(), "--port", "0");
        assertEquals(1, result.code);
        assertOneLine(result.err, "lake folder is not writable");
    }

    @Test
    void lakePathThatIsAFileIsOneLineAndExitCode1() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "not a folder");
        Result result = execute("run", "--seeds", TestSeeds.small().toString(), "--lake", file.toString(), "--port", "0");
        assertEquals(1, result.code);
        assertOneLine(result.err, "lake folder is not writable");
        assertEquals("not a folder", Files.readString(file), "the file is left as it was");
    }

    @Test
    void unreachableApiIsOneLineAtOnceWithoutRetries() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Result result = execute("run", "--api-url", "http://127.0.0.1:" + closedPort, "--lake", temp.resolve("lake").toString());
        assertEquals(1, result.code);
        // said by the probe before the first request: a retried request would fail with the HTTP client's words
        assertOneLine(result.err, "cannot reach the API at http://127.0.0.1:" + closedPort + ": Connection refused");
    }

    @Test
    void unwritableSeedsFolderIsOneLineNamingIt() {
        Result result = execute("seed", "--out", "/proc/x", "--scale", "0.01");
        assertEquals(1, result.code, result.err);
        assertOneLine(result.err, "cannot write seeds to /proc/x: no such file or folder");
    }

    @Test
    void lakeWhereNoFolderCanBeMadeIsOneLineNamingItOnce() {
        Result result = execute("run", "--seeds", TestSeeds.small().toString(), "--lake", "/proc/forbidden", "--port", "0");
        assertEquals(1, result.code, result.err);
        assertOneLine(result.err, "lake folder is not writable: /proc/forbidden: no such file or folder");
        assertEquals(1, result.err.split("/proc/forbidden", -1).length - 1, "the path once: " + result.err);
    }

    @Test
    void portInUseIsOneLineAndExitCode1() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            Result serve = execute("serve", "--seeds", TestSeeds.small().toString(), "--port", port);
            assertEquals(1, serve.code);
            assertOneLine(serve.err, "cannot serve the API on 127.0.0.1:" + port);
            Result run = execute("run", "--seeds", TestSeeds.small().toString(), "--lake", temp.resolve("lake").toString(),
                    "--port", port);
            assertEquals(1, run.code);
            assertOneLine(run.err, "cannot serve the API on 127.0.0.1:" + port);
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"run", "serve", "seed"}) {
            Result result = execute(command, "--help");
            assertEquals(0, result.code);
            assertTrue(result.out.contains("Usage: pipeline " + command), result.out);
        }
        assertTrue(execute("--help").out.contains("Commands:"));
    }

    @Test
    void seedCommandWritesTheFiveSeedFiles() {
        Result result = execute("seed", "--out", temp.resolve("seeds").toString(), "--scale", "0.01", "--random-seed", "3");
        assertEquals(0, result.code, result.err);
        for (String table : new String[] {"seasons", "events", "categories", "sessions", "classifications"}) {
            assertTrue(Files.isRegularFile(temp.resolve("seeds").resolve(table + ".parquet")), table);
        }
    }

    /** The error goes on one line, prefixed with the program's name, and says what is wrong. */
    private static void assertOneLine(String err, String expected) {
        String lastLine = err.strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(lastLine.startsWith(Cli.NAME + ": ") && lastLine.contains(expected), "stderr was: " + err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
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

            Result second = execute("run", "--seeds", TestSeeds.small().toString(), "--lake", lake.toString(), "--port", "0");

            assertEquals(1, second.code, second.err);
            assertOneLine(second.err, "is in use by another run (pid " + first.pid() + ")");
        } finally {
            first.destroyForcibly().waitFor();
        }
        Result afterKill = execute("run", "--seeds", TestSeeds.small().toString(), "--lake", lake.toString(), "--port", "0");
        assertEquals(0, afterKill.code, afterKill.err);
    }

    private record Result(int code, String out, String err) {
    }

    private static Result execute(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int code = Cli.execute(args);
            return new Result(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
