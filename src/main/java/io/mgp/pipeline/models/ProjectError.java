package io.mgp.pipeline.models;

import io.mgp.pipeline.PipelineException;

/**
 * A mistake in the project's files or in a selector, found before anything runs: its message names the file (or the
 * selector) and what is wrong. A wrong declaration or selector exits 2, like a wrong flag; a model's SQL that does
 * not parse, or reads a table nobody declares, exits 1.
 */
public final class ProjectError extends PipelineException {

    private final int exitCode;

    private ProjectError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** A YAML file that declares something wrong, or a selector that names nothing. */
    public static ProjectError declaration(String file, String problem) {
        return new ProjectError(file + ": " + problem, 2);
    }

    /** A SQL file that does not parse, or reads a table no model or source declares. */
    public static ProjectError sql(String file, String problem) {
        return new ProjectError(file + ": " + problem, 1);
    }

    public int exitCode() {
        return exitCode;
    }
}
