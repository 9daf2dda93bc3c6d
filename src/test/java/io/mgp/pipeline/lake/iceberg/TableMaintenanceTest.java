package io.mgp.pipeline.lake.iceberg;

import io.mgp.pipeline.lake.Staging;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TableMaintenanceTest extends LakeTablesFixture {

    private static final String TWO_ROWS = "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t(id, name)";
    private static final String THREE_ROWS = "SELECT * FROM (VALUES (3, 'c'), (4, 'd'), (5, 'e')) AS t(id, name)";

    @BeforeEach
    void publishOneVersion() throws SQLException {
        try (IcebergTables tables = tables("r1")) {
            Staging.stage(tables, sql, "silver", "things", TWO_ROWS).publish();
        }
    }

    @Test
    void anOldAuditBranchGoesWithTheSnapshotOnlyItHeldAndItsFileButTaggedSnapshotsStay() throws Exception {
        try (IcebergTables tables = tables("r2")) {
            Staging.stage(tables, sql, "silver", "things", THREE_ROWS).discard();
        }
        Path auditFile = onlyAddedFile(table(), table().refs().get("audit-r2").snapshotId());

        Maintenance.Result dryRun = maintain(new Maintenance(Instant.now().plusSeconds(1), 1, Maintenance.ALL_RUNS, true));

        assertEquals(1, dryRun.removedBranches());
        assertEquals(1, dryRun.expiredSnapshots());
        assertEquals(Set.of("main", "run-r1", "audit-r2"), table().refs().keySet(), "a dry run changes nothing");
        assertTrue(Files.exists(auditFile));

        Maintenance.Result done = maintain(new Maintenance(Instant.now().plusSeconds(1), 1, Maintenance.ALL_RUNS, false));

        assertEquals(1, done.expiredSnapshots());
        assertTrue(done.deletedFiles() >= 1, "the data file, its manifest and manifest list: " + done.deletedFiles());
        assertEquals(Set.of("main", "run-r1"), table().refs().keySet());
        assertFalse(Files.exists(auditFile));
        assertEquals(2, count(), "main reads as before");
    }

    @Test
    void aBranchYoungerThanTheCutoffStays() throws Exception {
        try (IcebergTables tables = tables("r2")) {
            Staging.stage(tables, sql, "silver", "things", THREE_ROWS).discard();
        }

        Maintenance.Result done = maintain(new Maintenance(Instant.now().minus(Duration.ofHours(1)), 1, Maintenance.ALL_RUNS, false));

        assertEquals(0, done.removedBranches());
        assertEquals(0, done.expiredSnapshots());
        assertTrue(table().refs().containsKey("audit-r2"));
    }

    @Test
    void runTagsPastTheRetainedRunsGoWithTheSnapshotsOnlyTheyHeldAndTheNewestStay() throws Exception {
        for (String run : List.of("r2", "r3")) {
            try (IcebergTables tables = tables(run)) {
                Staging.stage(tables, sql, "silver", "things", run.equals("r2") ? THREE_ROWS : TWO_ROWS).publish();
            }
        }
        Path firstRunsFile = onlyAddedFile(table(), table().refs().get("run-r1").snapshotId());
        Instant cutoff = Instant.now().plusSeconds(1);

        Maintenance.Result keepingEveryRun = maintain(new Maintenance(cutoff, 1, Maintenance.ALL_RUNS, true));
        Maintenance.Result dryRun = maintain(new Maintenance(cutoff, 1, 1, true));

        assertEquals(0, keepingEveryRun.removedTags());
        assertEquals(0, keepingEveryRun.expiredSnapshots());
        assertEquals(2, dryRun.removedTags());
        assertEquals(2, dryRun.expiredSnapshots());
        assertEquals(Set.of("main", "run-r1", "run-r2", "run-r3"), table().refs().keySet(), "a dry run changes nothing");

        Maintenance.Result done = maintain(new Maintenance(cutoff, 1, 1, false));

        assertEquals(2, done.removedTags());
        assertEquals(2, done.expiredSnapshots());
        assertEquals(Set.of("main", "run-r3"), table().refs().keySet());
        assertFalse(Files.exists(firstRunsFile));
        assertEquals(2, count(), "main reads as before");
    }

    @Test
    void onlyUnreferencedFilesOlderThanTheCutoffAreOrphansAndTheDryRunKeepsThem() throws Exception {
        Path data = LocalFileIO.path(table().location()).resolve("data");
        Path old = Files.writeString(data.resolve("left-by-a-killed-build.parquet"), "x");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path young = Files.writeString(data.resolve("being-written.parquet"), "y");
        Path emptied = Files.createDirectories(data.resolve("r0-folder/year=2020"));
        Files.setLastModifiedTime(emptied, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Files.setLastModifiedTime(emptied.getParent(), FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path youngFolder = Files.createDirectories(data.resolve("r9-being-written"));
        Maintenance keepingADay = new Maintenance(Instant.now().minus(Duration.ofDays(1)), 1, Maintenance.ALL_RUNS, true);

        Maintenance.Result dryRun = maintain(keepingADay);

        assertEquals(1, dryRun.orphanFiles());
        assertEquals(1, dryRun.orphanBytes());
        assertTrue(Files.exists(old));

        Maintenance.Result done = maintain(new Maintenance(keepingADay.cutoff(), 1, Maintenance.ALL_RUNS, false));

        assertEquals(1, done.orphanFiles());
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(young));
        assertFalse(Files.exists(emptied.getParent()), "an old empty folder goes, with its empty subfolders");
        assertTrue(Files.exists(youngFolder), "a folder a build may be about to write into stays");
        assertEquals(2, count(), "every referenced file stays");
    }

    @Test
    void smallFilesOfMainAreMergedIntoOneWithTheSameRowsAndTheRunsTagStillReadsItsVersion() throws Exception {
        try (JdbcCatalog catalog = LakeCatalog.open(lake, key -> null)) {
            Table table = catalog.loadTable(TableIdentifier.parse("silver.things"));
            DataFile appended = DataFileWriter.writeOne(sql, table, THREE_ROWS, "r2", null);
            table.newAppend().appendFile(appended).commit();
            assertEquals(2, table.currentSnapshot().dataManifests(table.io()).size());
        }

        Maintenance.Result done = maintain(new Maintenance(Instant.now().minus(Duration.ofDays(1)), 1, Maintenance.ALL_RUNS, false));

        assertEquals(2, done.compactedFiles());
        assertEquals(1, done.compactedInto());
        assertEquals(1, done.manifestsAfter());
        try (IcebergTables tables = tables("check")) {
            assertTrue(tables.register(sql, "silver", "things"));
            assertEquals(5, count());
            assertEquals(Set.of(1, 2, 3, 4, 5), Set.copyOf(ids()));
            tables.registerAt(sql, "silver", "things", tables.pointInTime("run-r1", List.of("silver.things")));
            assertEquals(2, count(), "the run's tag reads its version's files");
        }
        Table after = table();
        assertEquals("1", after.currentSnapshot().summary().get("total-data-files"));
        assertEquals("5", after.currentSnapshot().summary().get("total-records"));
    }

    private Maintenance.Result maintain(Maintenance policy) throws Exception {
        try (IcebergTables tables = tables("m1")) {
            return tables.maintain(sql, "silver.things", policy);
        }
    }

    private Table table() throws Exception {
        return table("silver.things");
    }

    private static Path onlyAddedFile(Table table, long snapshotId) {
        return LocalFileIO.path(table.snapshot(snapshotId).addedDataFiles(table.io()).iterator().next().location());
    }

    private long count() throws Exception {
        if (!viewExists()) {
            try (IcebergTables tables = tables("check")) {
                tables.register(sql, "silver", "things");
            }
        }
        return count("SELECT count(*) FROM silver.things");
    }

    private boolean viewExists() throws SQLException {
        try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM duckdb_views() WHERE schema_name = 'silver' AND view_name = 'things'")) {
            rows.next();
            return rows.getLong(1) > 0;
        }
    }

    private java.util.List<Integer> ids() throws SQLException {
        java.util.List<Integer> ids = new java.util.ArrayList<>();
        try (ResultSet rows = sql.executeQuery("SELECT id FROM silver.things")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }
}
