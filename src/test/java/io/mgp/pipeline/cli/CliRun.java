package io.mgp.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The command line run in this JVM: its exit code and what it printed to stdout and stderr. */
record CliRun(int code, String out, String err) {

    static CliRun execute(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int code = Cli.execute(args);
            return new CliRun(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** The error goes on one line, prefixed with the program's name, and says what is wrong. */
    void assertOneLineError(String expected) {
        String lastLine = err.strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(lastLine.startsWith(Cli.NAME + ": ") && lastLine.contains(expected), "stderr was: " + err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }
}
