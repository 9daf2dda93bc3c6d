package io.mgp.pipeline;

/**
 * A problem the user can fix (a missing seeds file, an unwritable lake, an unreachable API).
 * Its message is printed as the one line the command line shows before exiting non-zero.
 */
public class PipelineException extends RuntimeException {

    public PipelineException(String message) {
        super(message);
    }

    public PipelineException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The first line of an error's message: what a one-line report can show of it. */
    public static String firstLine(Throwable error) {
        String message = String.valueOf(error.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
