package io.mgp.pipeline.cli;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.engine.Engines;
import io.mgp.pipeline.models.ProjectError;
import java.net.ConnectException;
import java.nio.file.FileSystemException;
import java.net.UnknownHostException;
import org.apache.camel.http.base.HttpOperationFailedException;

/** Turns a failure into the one line the command line prints. */
final class Errors {

    private Errors() {
    }

    /**
     * 2 for a mistake in the project's declarations or a selector, or an engine that cannot be had, as for a wrong flag;
     * 1 for any other failure.
     */
    static int exitCode(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProjectError project) {
                return project.exitCode();
            }
            if (cause instanceof Engines.EngineUnavailableException) {
                return 2;
            }
        }
        return 1;
    }

    static String describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PipelineException) {
                return cause.getMessage();
            }
            if (cause instanceof HttpOperationFailedException http) {
                return "the API answered " + http.getStatusCode() + " to " + http.getUri();
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return "cannot reach the API: " + PipelineException.firstLine(cause);
            }
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof FileSystemException file && file.getFile() != null) {
            return file.getFile() + ": " + PipelineException.reason(file);
        }
        return root.getClass().getSimpleName() + ": " + PipelineException.firstLine(root);
    }
}
