package io.mgp.pipeline.lineage;

import io.mgp.pipeline.PipelineException;

/** Why the lineage of a query's column cannot be followed: its message names the column or the table, and why. */
public final class LineageException extends PipelineException {

    public LineageException(String message) {
        super(message);
    }
}
