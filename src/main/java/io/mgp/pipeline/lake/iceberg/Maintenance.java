package io.mgp.pipeline.lake.iceberg;

import java.time.Instant;

/**
 * What {@code maintain} keeps: snapshots, audit branches and unreferenced files younger than the cutoff (a build may
 * be writing them), and at least the last {@code retainLast} snapshots of each table's main. Tagged snapshots (each
 * run's {@code run-<run id>}) are always kept.
 *
 * @param dryRun whether to change nothing and say what would be done
 */
public record Maintenance(Instant cutoff, int retainLast, boolean dryRun) {

    /** What it did to one table, or would do in a dry run. */
    public record Result(String table, int expiredSnapshots, int deletedFiles, int removedBranches, int compactedFiles,
            int compactedInto, int manifestsBefore, int manifestsAfter, int orphanFiles, long orphanBytes) {
    }
}
