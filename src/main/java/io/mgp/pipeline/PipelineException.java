package io.mgp.pipeline;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

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

    /**
     * What went wrong with a file, in words, without the path the caller already names: {@code no such file or folder},
     * {@code permission denied}, or the operating system's reason ({@code Read-only file system}).
     */
    public static String reason(IOException error) {
        if (error instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (error instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (error instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (error instanceof FileAlreadyExistsException) {
            return "a file is in the way";
        }
        if (error instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return firstLine(error);
    }

    /** The first line of an error's message: what a one-line report can show of it. */
    public static String firstLine(Throwable error) {
        String message = String.valueOf(error.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
