package io.mgp.pipeline.lake.iceberg;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.duck.AtomicFiles;
import io.mgp.pipeline.duck.ScratchDatabase;
import io.mgp.pipeline.duck.SqlResource;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.LakeTables;
import io.mgp.pipeline.lake.Partitioning;
import io.mgp.pipeline.lake.TableVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Silver and gold as Apache Iceberg tables, written by write-audit-publish: a model's rows are committed to the
 * table's branch {@code audit-<run id>} (DuckDB writes the data file, Iceberg's library commits it), its tests read
 * them there, and publishing fast-forwards {@code main} to the branch and tags the snapshot {@code run-<run id>}, in
 * one metadata commit. A table whose audit failed keeps its {@code main} as it was and the branch for inspection.
 * Every snapshot's summary carries the run id ({@code mgp.run-id}). Gold is also exported as
 * {@code <lake>/gold/<table>.parquet} after each publish, for readers of plain parquet.
 */
public final class IcebergTables implements LakeTables, AutoCloseable {

    /**
     * Each table keeps its last metadata files only: every commit writes a new one (a run makes about three per
     * table), and the snapshots they describe stay until they are expired.
     */
    private static final Map<String, String> TABLE_PROPERTIES = Map.of(
            "write.metadata.delete-after-commit.enabled", "true", "write.metadata.previous-versions-max", "20");

    /** How many times a version is committed to its audit branch while other processes commit to the same table. */
    private static final int COMMIT_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(IcebergTables.class);

    /** The snapshot summary property that names the run that committed it. */
    public static final String RUN_ID = "mgp.run-id";

    private final Lake lake;
    private final String runId;
    private final boolean fullRefresh;
    private final Supplier<Catalog> opener;
    private Catalog catalog;
    private boolean closed;
    private Thread warmUp;
    private final Map<TableIdentifier, Table> loaded = new HashMap<>();
    private final Map<TableIdentifier, Map.Entry<Long, List<String>>> planned = new HashMap<>();
    private final java.util.Set<TableIdentifier> refreshed = new java.util.HashSet<>();

    /**
     * @param opener opens the catalog when a table is first needed
     * @param fullRefresh whether the run starts the lake over: each table's entry is dropped from the catalog at
     *        its first use (its files went with the lake's folders), so that a shared catalog starts over too
     */
    public IcebergTables(Lake lake, String runId, boolean fullRefresh, Supplier<Catalog> opener) {
        this.lake = lake;
        this.runId = runId;
        this.fullRefresh = fullRefresh;
        this.opener = opener;
    }

    /**
     * Opens the catalog and loads the lake's tables on a thread of its own, while the command does other work (reads its
     * project, crawls): the first use of the catalog in a JVM costs a few hundred milliseconds.
     */
    public IcebergTables loadInBackground() {
        return inBackground(false);
    }

    /**
     * As {@link #loadInBackground()}, and plans the files of the tables' published versions too, which a build's
     * session reads first: the first reading of Iceberg's manifests in a JVM costs a few hundred milliseconds more.
     */
    public IcebergTables planInBackground() {
        return inBackground(true);
    }

    private synchronized IcebergTables inBackground(boolean plan) {
        if (warmUp != null) {
            throw new IllegalStateException("the tables are warming up already");
        }
        // logging set up first: two threads starting it at once make SLF4J warn that it replays their calls
        LoggerFactory.getILoggerFactory();
        warmUp = new Thread(() -> warmUp(plan), "iceberg-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        return this;
    }

    private void warmUp(boolean plan) {
        List<String> tables;
        try {
            catalog();
            // a full refresh drops each table at its first use (and a shared catalog's tables are not all the lake's)
            tables = fullRefresh ? List.of() : tableNames();
        } catch (RuntimeException e) {
            // the command's own use of the catalog reports what is wrong
            return;
        }
        for (String table : tables) {
            String[] id = table.split("\\.", 2);
            if (!Files.isDirectory(lake.layer(id[0]).resolve(id[1]))) {
                // not this lake's: a shared catalog lists other lakes' and tools' tables too, and close() waits for these
                continue;
            }
            try {
                // exists() loads the table
                if (exists(id[0], id[1]) && plan) {
                    publishedFiles(id[0], id[1]);
                }
            } catch (RuntimeException e) {
                // a table outside the lake, or unreadable: its own use reports it, and the others still warm up
            }
        }
    }

    /** The audit branch of a run. */
    public static String auditBranch(String runId) {
        return "audit-" + runId;
    }

    /** The tag a run puts on the snapshots it published. */
    public static String runTag(String runId) {
        return "run-" + runId;
    }

    @Override
    public boolean exists(String layer, String name) {
        Table table = table(layer, name);
        return table != null && table.currentSnapshot() != null;
    }

    @Override
    public boolean register(Statement sql, String layer, String name) throws SQLException {
        if (!exists(layer, name)) {
            return false;
        }
        view(sql, layer, name, publishedFiles(layer, name), table(layer, name).schema());
        return true;
    }

    @Override
    public Staged stage(Statement sql, String layer, String name, String select, Map<String, String> columns, Partitioning partitioning)
            throws SQLException {
        Target target = tableFor(layer, name, TableSchema.of(layer + "." + name, columns), partitioning);
        try {
            return stage(sql, layer, name, target, select, partitioning);
        } catch (SQLException | RuntimeException e) {
            target.restoreShape();
            throw e;
        }
    }

    private Staged stage(Statement sql, String layer, String name, Target target, String select, Partitioning partitioning)
            throws SQLException {
        String id = layer + "." + name;
        Table table = target.table();
        SnapshotRef main = table.refs().get(SnapshotRef.MAIN_BRANCH);
        List<String> published = main == null ? List.of() : publishedFiles(layer, name);
        VersionWriter.Written written = target.reshaped() || published.isEmpty() ? VersionWriter.whole(sql, table, select, runId)
                : partitioning.incremental() ? VersionWriter.changedPartitions(sql, id, table, select, published, runId)
                : VersionWriter.changedWhole(sql, id, table, select, published, runId);
        if (written == null) {
            return new UnchangedVersion(table, id, main.snapshotId(), rows(layer, name));
        }
        String branch = auditBranch(runId);
        for (int attempt = 1; !commitToBranch(table, branch, written); attempt++) {
            if (attempt == COMMIT_ATTEMPTS) {
                throw new PipelineException(id + ": its audited version could not be committed, as other processes kept"
                        + " committing to the table; nothing of it was published");
            }
            table.refresh();
        }
        // a whole version is the files just written; a partial one also keeps the published files of other partitions
        List<String> files = written.whole()
                ? written.files().stream().map(file -> LocalFileIO.path(file.location()).toString()).toList()
                : files(table.newScan().useRef(branch));
        view(sql, layer, name, files, table.schema());
        return new AuditedVersion(target, sql, layer, name, branch, branchRows(table, branch), written.change());
    }

    @Override
    public Staged stage(String layer, String name, Map<String, String> columns, Partitioning partitioning, BranchWriter writer) {
        Target target = tableFor(layer, name, TableSchema.of(layer + "." + name, columns), partitioning);
        try {
            Table table = target.table();
            String branch = auditBranch(runId);
            SnapshotRef main = table.refs().get(SnapshotRef.MAIN_BRANCH);
            if (main != null && !table.refs().containsKey(branch)) {
                // from main's head, so that publishing is a fast-forward
                table.manageSnapshots().createBranch(branch, main.snapshotId()).commit();
            } else if (main == null && !table.refs().containsKey(branch)) {
                // a new table: an engine writes only to a branch that exists (Spark's Iceberg catalog refuses others),
                // and a branch needs a snapshot, so the branch starts with an empty one
                CallingThread.commits(table.newAppend()).set(RUN_ID, runId).toBranch(branch).commit();
            }
            long before = table.refs().get(branch).snapshotId();
            writer.write(branch, Map.of(RUN_ID, runId));
            table.refresh();
            if (table.refs().get(branch).snapshotId() == before) {
                throw new PipelineException(layer + "." + name + ": the engine committed nothing to branch " + branch);
            }
            return new AuditedVersion(target, null, layer, name, branch, branchRows(table, branch), null);
        } catch (RuntimeException e) {
            target.restoreShape();
            throw e;
        }
    }

    private static long branchRows(Table table, String branch) {
        return count(table.snapshot(table.refs().get(branch).snapshotId()).summary(), "total-records");
    }

    /**
     * Commits the written files to the branch, created from main's head if need be, in one transaction; false when
     * another process committed to the table meanwhile (its branch or main), and nothing was committed.
     */
    private boolean commitToBranch(Table table, String branch, VersionWriter.Written written) {
        SnapshotRef main = table.refs().get(SnapshotRef.MAIN_BRANCH);
        Transaction write = table.newTransaction();
        if (main != null && !table.refs().containsKey(branch)) {
            // from main's head, so that publishing is a fast-forward; created before the overwrite, as a commit to a
            // branch that does not exist yet would count the snapshot's totals (rows, files) from nothing
            write.manageSnapshots().createBranch(branch, main.snapshotId()).commit();
        }
        OverwriteFiles overwrite = CallingThread.commits(write.newOverwrite()).overwriteByRowFilter(written.replaced());
        written.files().forEach(overwrite::addFile);
        overwrite.set(RUN_ID, runId).toBranch(branch).commit();
        try {
            write.commitTransaction();
            return true;
        } catch (CommitFailedException e) {
            return false;
        }
    }

    @Override
    public long rows(String layer, String name) {
        Snapshot current = table(layer, name).currentSnapshot();
        return current == null ? 0 : Long.parseLong(current.summary().getOrDefault("total-records", "0"));
    }

    /** The tables the catalog holds, as {@code layer.name}, sorted. */
    public synchronized List<String> tableNames() {
        List<String> names = new ArrayList<>();
        if (catalog() instanceof SupportsNamespaces namespaces) {
            for (Namespace namespace : namespaces.listNamespaces()) {
                catalog().listTables(namespace).forEach(id -> names.add(id.namespace() + "." + id.name()));
            }
        }
        names.sort(null);
        return names;
    }

    /**
     * A point in the lake's history: a branch or tag (such as {@code run-<run id>}) of one of the tables, a snapshot id
     * of one of them, or a time ({@code 2026-12-05T07:54:20Z}). The tables that have the branch, tag or snapshot are
     * read at it; the others at the tag of the run that committed it, if they have one, or else as they were then.
     */
    public PointInTime pointInTime(String text, List<String> tables) {
        try {
            return new PointInTime(null, null, null, Instant.parse(text).toEpochMilli());
        } catch (java.time.format.DateTimeParseException notATime) {
            // a snapshot id, a branch or a tag
        }
        Long snapshotId = snapshotId(text);
        for (String id : tables) {
            Table table = table(id);
            SnapshotRef ref = table.refs().get(text);
            Snapshot snapshot = ref != null ? table.snapshot(ref.snapshotId()) : snapshotId != null ? table.snapshot(snapshotId) : null;
            if (snapshot != null) {
                String run = snapshot.summary().get(RUN_ID);
                return new PointInTime(ref != null ? text : null, ref != null ? null : snapshotId,
                        run == null ? null : runTag(run), snapshot.timestampMillis());
            }
        }
        throw new PipelineException("no branch, tag or snapshot '" + text + "' in the tables of " + lake
                + " (a time is written like 2026-12-05T07:54:20Z)");
    }

    /**
     * A branch (such as {@code audit-<run id>}) to read the tables on: those that have it at its head, the others as
     * published.
     */
    public PointInTime branch(String name, List<String> tables) {
        if (tables.stream().noneMatch(id -> table(id).refs().containsKey(name) && table(id).refs().get(name).isBranch())) {
            throw new PipelineException("no branch '" + name + "' in the tables of " + lake);
        }
        // past every commit: a table without the branch reads main's head
        return new PointInTime(name, null, null, Long.MAX_VALUE);
    }

    /** The text as a snapshot id, or null when it is not a number a snapshot id can be. */
    private static Long snapshotId(String text) {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /**
     * Where a query reads the tables: a branch or tag, or a snapshot id; the tag of the run that committed it; and
     * when it was committed.
     */
    public record PointInTime(String ref, Long snapshotId, String runTag, long millis) {
    }

    /** Registers the table as it was at that point; false when it had no version then. */
    public boolean registerAt(Statement sql, String layer, String name, PointInTime at) throws SQLException {
        Table table = table(layer, name);
        if (table == null) {
            return false;
        }
        TableScan scan = table.newScan();
        if (at.ref() != null && table.refs().containsKey(at.ref())) {
            scan = scan.useRef(at.ref());
        } else if (at.snapshotId() != null && table.snapshot(at.snapshotId()) != null) {
            scan = scan.useSnapshot(at.snapshotId());
        } else if (at.runTag() != null && table.refs().containsKey(at.runTag())) {
            scan = scan.useRef(at.runTag());
        } else if (table.history().stream().anyMatch(entry -> entry.timestampMillis() <= at.millis())) {
            scan = scan.asOfTime(at.millis());
        } else {
            return false;
        }
        view(sql, layer, name, files(scan), scan.schema());
        return true;
    }

    @Override
    public List<TableVersion> history(String layer, String name) {
        Table table = table(layer, name);
        if (table == null) {
            return List.of();
        }
        Map<Long, List<String>> refs = new HashMap<>();
        table.refs().forEach((ref, at) -> refs.computeIfAbsent(at.snapshotId(), id -> new ArrayList<>()).add(ref));
        refs.values().forEach(names -> names.sort((a, b) -> a.equals(SnapshotRef.MAIN_BRANCH) ? -1 : b.equals(SnapshotRef.MAIN_BRANCH) ? 1 : a.compareTo(b)));
        List<TableVersion> versions = new ArrayList<>();
        for (Snapshot snapshot : table.snapshots()) {
            Map<String, String> summary = snapshot.summary();
            versions.add(new TableVersion(snapshot.snapshotId(), Instant.ofEpochMilli(snapshot.timestampMillis()), summary.get(RUN_ID),
                    snapshot.operation(), count(summary, "total-records"), count(summary, "added-data-files"),
                    count(summary, "deleted-data-files"), refs.getOrDefault(snapshot.snapshotId(), List.of())));
        }
        versions.sort(Comparator.comparing(TableVersion::committed).thenComparing(TableVersion::id).reversed());
        return versions;
    }

    /** Maintains the table named {@code layer.name} (see {@link TableMaintenance}), with this run's id on its commits. */
    public Maintenance.Result maintain(Statement sql, String id, Maintenance policy) throws SQLException {
        return new TableMaintenance(id, table(id), policy, runId).run(sql);
    }

    private static long count(Map<String, String> summary, String key) {
        return Long.parseLong(summary.getOrDefault(key, "0"));
    }

    @Override
    public void close() {
        Thread started;
        synchronized (this) {
            started = warmUp;
        }
        if (started != null) {
            try {
                started.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            closed = true;
            closeCatalog();
        }
    }

    private void closeCatalog() {
        if (catalog instanceof java.io.Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the lake's catalog", e);
            }
        }
    }

    /**
     * A version on the audit branch, published by a fast-forward of main; readable as {@code layer.name} in the DuckDB
     * session that wrote it, if DuckDB did.
     */
    private final class AuditedVersion implements Staged {
        private final Target target;
        private final Table table;
        private final Statement reader;
        private final String layer;
        private final String name;
        private final String branch;
        private final long rows;
        private final String change;
        private boolean published;

        AuditedVersion(Target target, Statement reader, String layer, String name, String branch, long rows, String change) {
            this.target = target;
            this.table = target.table();
            this.reader = reader;
            this.layer = layer;
            this.name = name;
            this.branch = branch;
            this.rows = rows;
            this.change = change;
        }

        @Override
        public long rows() {
            return rows;
        }

        @Override
        public String change() {
            return change;
        }

        @Override
        public String branch() {
            return branch;
        }

        @Override
        public void publish() throws SQLException {
            for (int attempt = 1; !fastForward(); attempt++) {
                if (attempt == COMMIT_ATTEMPTS) {
                    throw new PipelineException(layer + "." + name + ": other processes kept committing to it: its audited"
                            + " version stays on branch " + branch);
                }
                table.refresh();
            }
            published = true;
            if (reader != null) {
                register(reader, layer, name);
            }
            if ("gold".equals(layer)) {
                exportParquet();
            }
        }

        /**
         * Fast-forwards main to the branch, tags it and removes the branch, in one commit; false when another process
         * committed to the table meanwhile, and nothing was committed.
         */
        private boolean fastForward() {
            long audited = table.refs().get(branch).snapshotId();
            try {
                table.manageSnapshots().fastForwardBranch(SnapshotRef.MAIN_BRANCH, branch)
                        .createTag(runTag(runId), audited).removeBranch(branch).commit();
                return true;
            } catch (IllegalArgumentException e) {
                throw new PipelineException(layer + "." + name + ": " + e.getMessage()
                        + " (another build published it meanwhile): its audited version stays on branch " + branch, e);
            } catch (CommitFailedException e) {
                return false;
            }
        }

        @Override
        public String discard() throws SQLException {
            if (published) {
                // main is this version already: what failed came after the commit (the export, a view)
                return "published, but " + layer + "." + name + "'s export or view failed after it";
            }
            target.restoreShape();
            if (reader != null) {
                reader.execute("DROP VIEW IF EXISTS " + layer + "." + name);
                register(reader, layer, name);
            }
            return "kept on branch " + branch;
        }

        /** {@code <lake>/gold/<name>.parquet}: the published rows as one file, replaced in one rename. */
        private void exportParquet() throws SQLException {
            Path target = lake.layer(layer).resolve(name + ".parquet");
            Path temporary = AtomicFiles.temporaryFor(target);
            try (Connection duck = ScratchDatabase.connect(); Statement sql = duck.createStatement()) {
                view(sql, "main", "exported", publishedFiles(layer, name), table.schema());
                sql.execute(SqlResource.load("sql/lake/iceberg/export-parquet.sql", Map.of("view", "main.exported",
                        "file", SqlResource.literal(temporary))));
            }
            AtomicFiles.publish(temporary, target);
        }
    }

    /**
     * A version whose rows are those of main's snapshot {@code published}: nothing is committed, and its table stays as it
     * is, unless another build published meanwhile, whose rows this build's did not look at.
     */
    private record UnchangedVersion(Table table, String id, long published, long rows) implements Staged {

        @Override
        public String change() {
            return "unchanged";
        }

        @Override
        public String branch() {
            return null;
        }

        @Override
        public void publish() {
            table.refresh();
            SnapshotRef main = table.refs().get(SnapshotRef.MAIN_BRANCH);
            if (main == null || main.snapshotId() != published) {
                throw new PipelineException(id + ": main moved since this build found its rows those of the version before"
                        + " (another build published it meanwhile)");
            }
        }

        @Override
        public String discard() {
            return "its rows are those already published";
        }
    }

    /**
     * The table a model is staged to, with its shape as published (null for a new table) and as staged: when they
     * differ, the schema or partitioning just changed, and every file of the table is rewritten.
     */
    private record Target(Table table, TableShape published, TableShape staged) {

        boolean reshaped() {
            return !staged.equals(published);
        }

        /**
         * Puts back the published shape, when staging changed it: main then reads exactly as published. A shape that
         * cannot be put back is a warning, not the build's failure: main's rows are as published either way.
         */
        void restoreShape() {
            if (published == null || !reshaped()) {
                return;
            }
            try {
                if (!published.restore(table, staged, COMMIT_ATTEMPTS)) {
                    LOG.warn("{}: its schema and partitioning stay as the build staged them, as another process changed them"
                            + " meanwhile or kept committing", table.name());
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: its schema and partitioning could not be put back as published: {}", table.name(), PipelineException.firstLine(e));
            }
        }
    }

    private synchronized Target tableFor(String layer, String name, TableSchema columns, Partitioning partitioning) {
        TableIdentifier id = TableIdentifier.of(layer, name);
        Table table = table(layer, name);
        if (table != null) {
            // checked before anything changes: a partition_by the new columns cannot take leaves the table as it is
            PartitionLayout.spec(id.toString(), columns.schema(), partitioning);
            TableShape published = TableShape.of(table);
            try {
                columns.evolve(table);
                PartitionLayout.evolve(id.toString(), table, partitioning);
            } catch (RuntimeException e) {
                new Target(table, published, TableShape.of(table)).restoreShape();
                throw e;
            }
            return new Target(table, published, TableShape.of(table));
        }
        Catalog catalog = catalog();
        if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(Namespace.of(layer))) {
            namespaces.createNamespace(Namespace.of(layer));
        }
        Schema schema = columns.schema();
        Table created = catalog.createTable(id, schema, PartitionLayout.spec(id.toString(), schema, partitioning), null, TABLE_PROPERTIES);
        loaded.put(id, created);
        return new Target(created, null, TableShape.of(created));
    }

    /** The table named {@code layer.name}, or null when the catalog has none of that name. */
    private Table table(String id) {
        TableIdentifier parsed = TableIdentifier.parse(id);
        return table(parsed.namespace().toString(), parsed.name());
    }

    /** The table, or null when the catalog has none of that name. */
    private synchronized Table table(String layer, String name) {
        TableIdentifier id = TableIdentifier.of(layer, name);
        if (fullRefresh && refreshed.add(id)) {
            catalog().dropTable(id, false);
        }
        Table table = loaded.get(id);
        if (table == null) {
            try {
                // not tableExists first: the catalog answers it by loading the table, whose metadata would be read twice
                table = inLake(id, catalog().loadTable(id));
            } catch (NoSuchTableException e) {
                return null;
            }
            loaded.put(id, table);
        }
        return table;
    }

    /**
     * The table, if its files are in this lake: Iceberg keeps absolute paths, so a lake copied with {@code cp} still
     * points at the original's files, and two lakes sharing one catalog would write each other's tables.
     */
    private Table inLake(TableIdentifier id, Table table) {
        Path location = LocalFileIO.path(table.location()).toAbsolutePath().normalize();
        if (!location.startsWith(lake.root())) {
            throw new PipelineException(id + " is at " + location + ", outside the lake " + lake.root()
                    + ": its catalog belongs to another lake (a lake copied with cp still points at the original's files;"
                    + " start the copy over with 'run --full-refresh', or give it a catalog of its own)");
        }
        return table;
    }

    private synchronized Catalog catalog() {
        if (closed) {
            throw new IllegalStateException("the lake's catalog is closed");
        }
        if (catalog == null) {
            catalog = opener.get();
        }
        return catalog;
    }

    /** The table as a DuckDB view over its files; a table without files reads as empty, with its schema's columns. */
    private static void view(Statement sql, String layer, String name, List<String> files, Schema schema) throws SQLException {
        String rows = files.isEmpty() ? TableSchema.noRows(schema) : SqlResource.load("sql/lake/iceberg/read-files.sql",
                Map.of("files", files.stream().map(SqlResource::literal).collect(Collectors.joining(", ", "[", "]"))));
        sql.execute(SqlResource.load("sql/lake/iceberg/table-view.sql", Map.of("view", layer + "." + name, "rows", rows)));
    }

    /**
     * The files of the table's published version, planned once per version: a build registers each table more than
     * once (at the start of its session, and again after checking that every model binds).
     */
    private synchronized List<String> publishedFiles(String layer, String name) {
        Snapshot current = table(layer, name).currentSnapshot();
        Map.Entry<Long, List<String>> known = planned.get(TableIdentifier.of(layer, name));
        if (known != null && known.getKey() == current.snapshotId()) {
            return known.getValue();
        }
        List<String> files = files(table(layer, name).newScan());
        planned.put(TableIdentifier.of(layer, name), Map.entry(current.snapshotId(), files));
        return files;
    }

    /** The data files a scan of the table reads, as local paths. */
    private static List<String> files(TableScan scan) {
        List<FileScanTask> planned = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks = scan.planFiles()) {
            tasks.forEach(planned::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // in partition order, so that a table read whole (gold's export) comes in that order
        planned.sort(Comparator.comparing((FileScanTask task) -> task.spec().partitionToPath(task.file().partition()))
                .thenComparing(task -> task.file().location()));
        return planned.stream().map(task -> LocalFileIO.path(task.file().location()).toString()).toList();
    }

}
