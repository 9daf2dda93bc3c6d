package io.mgp.pipeline.lake.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.ExpireSnapshots;
import org.apache.iceberg.ManageSnapshots;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.Transaction;

/**
 * {@code maintain} on one table, in Iceberg's order: remove the audit branches older than the cutoff (failed audits
 * kept for inspection) and the run tags past those it retains, expire the snapshots no branch or tag needs, compact small files, rewrite main's manifests
 * into one per partition spec, and delete the orphan files and the empty folders they leave.
 */
final class TableMaintenance {

    private final String id;
    private final Table table;
    private final Maintenance policy;
    private final String runId;

    TableMaintenance(String id, Table table, Maintenance policy, String runId) {
        this.id = id;
        this.table = table;
        this.policy = policy;
        this.runId = runId;
    }

    Maintenance.Result run(Statement sql) throws SQLException {
        List<String> branches = oldAuditBranches();
        List<String> tags = oldRunTags();
        AtomicInteger deleted = new AtomicInteger();
        int expired = expire(branches, tags, deleted);
        List<List<DataFile>> groups = SmallFiles.groups(table);
        if (!policy.dryRun()) {
            for (List<DataFile> group : groups) {
                SmallFiles.compact(sql, table, group, runId);
            }
        }
        int manifests = dataManifests();
        int manifestsAfter = manifests > table.specs().size() ? rewriteManifests() : manifests;
        List<Path> orphans = OrphanFiles.find(table, policy.cutoff());
        long bytes = orphans.stream().mapToLong(TableMaintenance::size).sum();
        if (!policy.dryRun()) {
            orphans.forEach(orphan -> table.io().deleteFile(orphan.toString()));
            OrphanFiles.removeEmptyFolders(table, policy.cutoff());
        }
        return new Maintenance.Result(id, expired, deleted.get(), branches.size(), tags.size(), groups.stream().mapToInt(List::size).sum(),
                groups.size(), manifests, manifestsAfter, orphans.size(), bytes);
    }

    private List<String> oldAuditBranches() {
        return table.refs().entrySet().stream()
                .filter(ref -> ref.getValue().isBranch() && ref.getKey().startsWith(IcebergTables.auditBranch("")))
                .filter(this::olderThanCutoff).map(Map.Entry::getKey).sorted().toList();
    }

    /** The run tags older than the cutoff, past the newest {@code retainRuns} of the table. */
    private List<String> oldRunTags() {
        return table.refs().entrySet().stream()
                .filter(ref -> ref.getValue().isTag() && ref.getKey().startsWith(IcebergTables.runTag("")))
                // newest first; run ids sort by time, which breaks a tie of two runs' commits in one millisecond
                .sorted(Comparator.comparingLong((Map.Entry<String, SnapshotRef> ref) -> committed(ref.getValue()))
                        .thenComparing(Map.Entry::getKey).reversed())
                .skip(policy.retainRuns()).filter(this::olderThanCutoff).map(Map.Entry::getKey).sorted().toList();
    }

    private boolean olderThanCutoff(Map.Entry<String, SnapshotRef> ref) {
        return committed(ref.getValue()) < policy.cutoff().toEpochMilli();
    }

    private long committed(SnapshotRef ref) {
        return table.snapshot(ref.snapshotId()).timestampMillis();
    }

    /** Removes the refs, then expires what is older than the cutoff and not needed; counts the files it deletes. */
    private int expire(List<String> branches, List<String> tags, AtomicInteger deleted) {
        // in a transaction, so that a dry run sees what removing the refs would let expire, and commits nothing
        Transaction dry = table.newTransaction();
        removeRefs(dry.manageSnapshots(), branches, tags);
        List<Snapshot> expiring = configure(dry.expireSnapshots()).apply();
        if (policy.dryRun()) {
            return expiring.size();
        }
        removeRefs(table.manageSnapshots(), branches, tags);
        if (!expiring.isEmpty()) {
            // committed on its own: in a transaction, Iceberg would delete the files before the commit
            configure(table.expireSnapshots()).deleteWith(file -> {
                table.io().deleteFile(file);
                deleted.incrementAndGet();
            }).commit();
        }
        return expiring.size();
    }

    private ExpireSnapshots configure(ExpireSnapshots expire) {
        // planned in this thread: Iceberg would wait for its worker pool in 10 ms steps (lake/iceberg/CallingThread)
        return expire.expireOlderThan(policy.cutoff().toEpochMilli()).retainLast(policy.retainLast()).planWith(CallingThread.EXECUTOR);
    }

    private static void removeRefs(ManageSnapshots refs, List<String> branches, List<String> tags) {
        if (!branches.isEmpty() || !tags.isEmpty()) {
            branches.forEach(refs::removeBranch);
            tags.forEach(refs::removeTag);
            refs.commit();
        }
    }

    private int dataManifests() {
        Snapshot current = table.currentSnapshot();
        return current == null ? 0 : current.dataManifests(table.io()).size();
    }

    /** Main's data manifests rewritten as one per partition spec; returns how many there are then. */
    private int rewriteManifests() {
        if (policy.dryRun()) {
            return table.specs().size();
        }
        CallingThread.commits(table.rewriteManifests()).clusterBy(DataFile::specId).set(IcebergTables.RUN_ID, runId).commit();
        return dataManifests();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
