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
}
