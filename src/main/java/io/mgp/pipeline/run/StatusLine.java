package io.mgp.pipeline.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One line at the bottom of a terminal, rewritten in place, on stderr. While it is there, System.err goes through
 * it: anything else written there (the console log) first erases the line, and the line is drawn again below once
 * that output has ended its own line, so the two never mix on one line.
 */
final class StatusLine extends OutputStream {

    private final PrintStream terminal;
    /** What System.err is while the line is installed; null when it is not. */
    private PrintStream installedAs;
    private String status = "";
    /** Characters of the status now on the screen; 0 when erased. */
    private int drawn;
    /** Whether other output left the cursor in the middle of its line, where the status must not be drawn. */
    private boolean midLine;
    private boolean removed;

    StatusLine(PrintStream terminal) {
        this.terminal = terminal;
    }

    /**
     * Whether stderr is a terminal. On Linux, the device /proc says file descriptor 2 is; elsewhere the JDK's console,
     * which needs stdin and stdout to be terminals, so it misses {@code run > summary.txt} there.
     */
    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            String device = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /** Puts a status line on stderr, routing System.err through it until {@link #remove()}. */
    static StatusLine install() {
        StatusLine line = new StatusLine(System.err);
        line.installedAs = new PrintStream(line, true);
        System.setErr(line.installedAs);
        return line;
    }

    /** Shows this text as the status, now unless other output is in the middle of a line. */
    synchronized void show(String text) {
        if (removed) {
            return;
        }
        status = text;
        if (!midLine) {
            draw();
        }
    }

    /** Erases the status and gives System.err back; later {@link #show} calls do nothing. */
    synchronized void remove() {
        erase();
        removed = true;
        if (installedAs != null && System.err == installedAs) {
            System.setErr(terminal);
        }
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        erase();
        terminal.write(bytes, offset, length);
        midLine = bytes[offset + length - 1] != '\n';
        if (!midLine && !removed) {
            draw();
        }
        terminal.flush();
    }

    @Override
    public void flush() {
        terminal.flush();
    }

    /** Overwrites what was drawn before; spaces clear the end of a longer previous status. */
    private void draw() {
        terminal.print("\r" + status + " ".repeat(Math.max(0, drawn - status.length())));
        drawn = Math.max(drawn, status.length());
        terminal.flush();
    }

    private void erase() {
        if (drawn > 0) {
            terminal.print("\r" + " ".repeat(drawn) + "\r");
            drawn = 0;
        }
    }
}
