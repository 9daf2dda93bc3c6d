package io.mgp.pipeline.lake.iceberg;

import java.time.Instant;

/**
 * What {@code maintain} keeps: snapshots, audit branches, run tags and unreferenced files younger than the cutoff (a
 * build may be writing them), at least the last {@code retainLast} snapshots of each table's main, and the tags of
 * each table's last {@code retainRuns} runs. A tagged snapshot is kept as long as its tag.
 *
 * @param retainRuns how many of each table's newest run tags ({@code run-<run id>}) to keep, however old;
 *        {@link #ALL_RUNS} keeps them all
 * @param dryRun whether to change nothing and say what would be done
 */
public record Maintenance(Instant cutoff, int retainLast, int retainRuns, boolean dryRun) {

    /** Keeps every run's tag. */
    public static final int ALL_RUNS = Integer.MAX_VALUE;

    /** What it did to one table, or would do in a dry run. */
    public record Result(String table, int expiredSnapshots, int deletedFiles, int removedBranches, int removedTags, int compactedFiles,
            int compactedInto, int manifestsBefore, int manifestsAfter, int orphanFiles, long orphanBytes) {
    }
}
