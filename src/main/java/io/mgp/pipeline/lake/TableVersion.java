package io.mgp.pipeline.lake;

import java.time.Instant;
import java.util.List;

/**
 * One committed version of a lake table.
 *
 * @param id the snapshot id: what time travel names
 * @param committed when it was committed
 * @param runId the run that committed it, or null when another writer did
 * @param operation what the commit did ({@code append}, {@code overwrite}, ...)
 * @param rows the table's rows in this version
 * @param addedFiles data files the commit added
 * @param removedFiles data files the commit removed
 * @param refs the branches and tags pointing at it
 */
public record TableVersion(long id, Instant committed, String runId, String operation, long rows, long addedFiles,
                           long removedFiles, List<String> refs) {
}
