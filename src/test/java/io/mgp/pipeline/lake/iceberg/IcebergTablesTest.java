package io.mgp.pipeline.lake.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.LakeTables;
import io.mgp.pipeline.lake.Partitioning;
import io.mgp.pipeline.lake.Staging;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcebergTablesTest extends LakeTablesFixture {

    private static final String TWO_ROWS = "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t(id, name)";
    private static final String THREE_ROWS = "SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (3, 'c')) AS t(id, name)";

    @Test
    void aPublishedVersionIsMainTaggedWithItsRunWhoseIdItsSnapshotCarries() throws Exception {
        try (IcebergTables tables = tables("r1")) {
            LakeTables.Staged staged = Staging.stage(tables, sql, "silver", "things", TWO_ROWS);
            assertFalse(tables.exists("silver", "things"), "not published before it is");
            staged.publish();

            assertEquals(2, staged.rows());
            assertEquals(2, tables.rows("silver", "things"));
            assertEquals(2, count("SELECT count(*) FROM silver.things"));
        }
        Table table = table("silver.things");
        assertEquals(Set.of("main", "run-r1"), table.refs().keySet(), "the audit branch is gone once published");
        Snapshot main = table.currentSnapshot();
        assertEquals("r1", main.summary().get(IcebergTables.RUN_ID));
        assertEquals(main.snapshotId(), table.refs().get("run-r1").snapshotId());
    }

    /** What the Spark engine does, with Iceberg's own library: overwrite the branch it is given. */
    private LakeTables.BranchWriter engineWriting(String select) {
        return (branch, properties) -> {
            try (JdbcCatalog catalog = catalog()) {
                Table table = catalog.loadTable(TableIdentifier.parse("silver.things"));
                OverwriteFiles overwrite = table.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue());
                DataFileWriter.write(sql, table, select, "engine").forEach(overwrite::addFile);
                properties.forEach(overwrite::set);
                overwrite.toBranch(branch).commit();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void anotherEnginesVersionOfANewTableIsAuditedOnTheBranchAndPublishedLikeDuckDbs() throws Exception {
        Map<String, String> columns = Map.of("id", "INTEGER", "name", "VARCHAR");
        try (IcebergTables tables = tables("r1")) {
            LakeTables.Staged staged = tables.stage("silver", "things", new LinkedHashMap<>(columns), Partitioning.NONE,
                    engineWriting(TWO_ROWS));
            assertEquals("audit-r1", staged.branch());
            assertEquals(2, staged.rows());
            assertFalse(tables.exists("silver", "things"), "not published before it is");
            staged.publish();
            assertTrue(tables.register(sql, "silver", "things"));
            assertEquals(2, count("SELECT count(*) FROM silver.things WHERE name IN ('a', 'b')"), "the engine's rows, as main reads them");
        }
        Table table = table("silver.things");
        assertEquals(Set.of("main", "run-r1"), table.refs().keySet());
        assertEquals("r1", table.currentSnapshot().summary().get(IcebergTables.RUN_ID));
        assertEquals(2, Long.parseLong(table.currentSnapshot().summary().get("total-records")));
    }

    @Test
    void anEngineThatCommitsNothingPublishesNothing() throws Exception {
        try (IcebergTables tables = tables("r1")) {
            PipelineException error = assertThrows(PipelineException.class, () -> tables.stage("silver", "things",
                    Map.of("id", "INTEGER"), Partitioning.NONE, (branch, properties) -> { }));

            assertEquals("silver.things: the engine committed nothing to branch audit-r1", error.getMessage());
            assertFalse(tables.exists("silver", "things"));
        }
    }

    @Test
    void theDataFileCarriesTheIcebergFieldIdsReadersMatchColumnsBy() throws Exception {
        publishTwoRows("r1");
        String file = table("silver.things").currentSnapshot().addedDataFiles(table("silver.things").io()).iterator().next().location();
        assertEquals(1, count("SELECT field_id FROM parquet_schema('" + file + "') WHERE name = 'id'"));
        assertEquals(2, count("SELECT field_id FROM parquet_schema('" + file + "') WHERE name = 'name'"));
    }

    @Test
    void aVersionSetAsideLeavesMainAsItWasAndStaysOnItsBranch() throws Exception {
        publishTwoRows("r1");
        long published = table("silver.things").currentSnapshot().snapshotId();
        try (IcebergTables tables = tables("r2")) {
            LakeTables.Staged staged = Staging.stage(tables, sql, "silver", "things", THREE_ROWS);
            assertEquals(3, count("SELECT count(*) FROM silver.things"), "the tests read the staged version");

            assertEquals("kept on branch audit-r2", staged.discard());

            assertEquals(2, count("SELECT count(*) FROM silver.things"), "the published version again");
        }
        Table table = table("silver.things");
        assertEquals(published, table.currentSnapshot().snapshotId());
        Map<String, String> audited = table.snapshot(table.refs().get("audit-r2").snapshotId()).summary();
        assertEquals("3", audited.get("total-records"), audited.toString());
        assertEquals("1", audited.get("total-data-files"), audited.toString());
    }

    @Test
    void aTableRebuiltWithTheSameRowsCommitsNothingAndWithOneRowChangedIsRewrittenWhole() throws Exception {
        publishTwoRows("r1");
        long published = table("silver.things").currentSnapshot().snapshotId();

        LakeTables.Staged same;
        LakeTables.Staged changed;
        try (IcebergTables tables = tables("r2")) {
            same = Staging.stage(tables, sql, "silver", "things", TWO_ROWS + " ORDER BY id DESC");
            same.publish();
        }
        assertEquals("unchanged", same.change());
        assertEquals(2, same.rows());
        assertEquals(published, table("silver.things").currentSnapshot().snapshotId());
        assertFalse(table("silver.things").refs().containsKey("run-r2"), "no version, no tag");

        try (IcebergTables tables = tables("r3")) {
            changed = Staging.stage(tables, sql, "silver", "things", "SELECT * FROM (VALUES (1, 'a'), (2, 'B')) AS t(id, name)");
            changed.publish();
            assertEquals(1, count("SELECT count(*) FROM silver.things WHERE name = 'B'"));
        }
        assertEquals(null, changed.change(), "the whole table");
        Map<String, String> summary = table("silver.things").currentSnapshot().summary();
        assertEquals("r3", summary.get(IcebergTables.RUN_ID));
        assertEquals("1", summary.get("deleted-data-files"), summary.toString());
    }

    @Test
    void goldAloneIsAlsoExportedAsOneParquetFile() throws Exception {
        try (IcebergTables tables = tables("r1")) {
            Staging.stage(tables, sql, "gold", "results", THREE_ROWS).publish();
            Staging.stage(tables, sql, "silver", "things", TWO_ROWS).publish();
        }
        assertEquals(3, count("SELECT count(*) FROM read_parquet('" + lake.layer("gold").resolve("results.parquet") + "')"));
        assertFalse(Files.exists(lake.layer("silver").resolve("things.parquet")));
    }

    @Test
    void aFullRefreshStartsEachTableOverInTheCatalogToo() throws Exception {
        publishTwoRows("r1");
        try (IcebergTables tables = new IcebergTables(lake, "r2", true, this::catalog)) {
            assertFalse(tables.exists("silver", "things"), "the earlier table is dropped from the catalog");
            Staging.stage(tables, sql, "silver", "things", THREE_ROWS).publish();
        }
        assertEquals(Set.of("main", "run-r2"), table("silver.things").refs().keySet());
    }

    @Test
    void aFullRefreshesWarmUpDropsNoTableItDoesNotUse() throws Exception {
        publishTwoRows("r1");
        // a shared catalog's table of another project or lake: the refresh never uses it
        try (IcebergTables warming = new IcebergTables(lake, "r2", true, this::catalog).planInBackground()) {
            // closing waits for the warm-up
        }
        assertEquals(Set.of("main", "run-r1"), table("silver.things").refs().keySet());
    }

    @Test
    void aWarmUpLoadsThePublishedVersionsThatASessionThenReads() throws Exception {
        try (IcebergTables tables = tables("r1")) {
            Staging.stage(tables, sql, "silver", "things", TWO_ROWS).publish();
            Staging.stage(tables, sql, "gold", "results", THREE_ROWS).publish();
        }
        try (IcebergTables tables = tables("r2").planInBackground()) {
            assertTrue(tables.register(sql, "silver", "things"));
            assertTrue(tables.register(sql, "gold", "results"));
            assertEquals(5, count("SELECT (SELECT count(*) FROM silver.things) + (SELECT count(*) FROM gold.results)"));
            assertThrows(IllegalStateException.class, tables::loadInBackground, "a second warm-up would not be waited for");
        }
    }

    @Test
    void anAddedColumnEvolvesTheSchemaKeepingTheIdsOfTheOthers() throws Exception {
        publishTwoRows("r1");
        try (IcebergTables tables = tables("r2")) {
            Staging.stage(tables, sql, "silver", "things", "SELECT *, id * 10 AS score FROM (" + TWO_ROWS + ")").publish();
            assertEquals(2, tables.rows("silver", "things"), "the version replaced the rows before it");
        }
        Table table = table("silver.things");
        assertEquals(1, table.schema().findField("id").fieldId());
        assertEquals(3, table.schema().findField("score").fieldId());
        int firstSchema = table.snapshot(table.refs().get("run-r1").snapshotId()).schemaId();
        assertEquals(2, table.schemas().get(firstSchema).columns().size(), "the first run's snapshot keeps the schema it was written with");
    }

    @Test
    void aReshapedVersionSetAsideLeavesTheSchemaAndPartitioningMainReadsAsPublished() throws Exception {
        publishTwoRows("r1");
        Table before = table("silver.things");
        try (IcebergTables tables = tables("r2")) {
            LakeTables.Staged staged = Staging.stage(tables, sql, "silver", "things", "SELECT *, id * 10 AS score FROM (" + TWO_ROWS + ")",
                    new Partitioning(List.of("name"), false));
            assertEquals(3, table("silver.things").schema().columns().size(), "staged with its new column");

            staged.discard();
        }
        Table after = table("silver.things");
        assertEquals(before.schema().schemaId(), after.schema().schemaId());
        assertEquals(List.of("id", "name"), after.schema().columns().stream().map(f -> f.name()).toList());
        assertEquals(before.spec().specId(), after.spec().specId());
        assertTrue(after.spec().isUnpartitioned());
        Snapshot audited = after.snapshot(after.refs().get("audit-r2").snapshotId());
        assertEquals(3, after.schemas().get(audited.schemaId()).columns().size(), "the branch keeps the schema it was written with");
    }

    @Test
    void aPartitioningTheNewColumnsCannotTakeFailsTheModelBeforeTheSchemaChanges() throws Exception {
        publishTwoRows("r1");
        int schema = table("silver.things").schema().schemaId();
        try (IcebergTables tables = tables("r2")) {
            PipelineException error = assertThrows(PipelineException.class, () -> Staging.stage(tables, sql, "silver", "things",
                    "SELECT *, id * 10 AS score FROM (" + TWO_ROWS + ")", new Partitioning(List.of("missing"), false)));
            assertEquals("silver.things: partition_by names missing, which the model does not return", error.getMessage());
        }
        assertEquals(schema, table("silver.things").schema().schemaId());
    }

    @Test
    void anIncompatibleChangeOfTypeNamesTheColumnUnlessTheRunRebuildsEverything() throws Exception {
        publishTwoRows("r1");
        String retyped = "SELECT CAST(id AS VARCHAR) AS id, name FROM (" + TWO_ROWS + ")";
        try (IcebergTables tables = tables("r2")) {
            PipelineException error = assertThrows(PipelineException.class, () -> Staging.stage(tables, sql, "silver", "things", retyped));
            assertEquals("silver.things: column id changes from int to string, which its Iceberg table cannot take: cast it back"
                    + " in the model, or start the lake over with 'run --full-refresh'", error.getMessage());
        }
        try (IcebergTables tables = new IcebergTables(lake, "r3", true, this::catalog)) {
            Staging.stage(tables, sql, "silver", "things", retyped).publish();
        }
        assertEquals("string", table("silver.things").schema().findField("id").type().toString());
    }

    @Test
    void aPublishAfterAnotherBuildPublishedMeanwhileFailsAndKeepsItsBranch() throws Exception {
        publishTwoRows("r1");
        try (IcebergTables first = tables("r2"); IcebergTables second = tables("r3")) {
            LakeTables.Staged slow = Staging.stage(first, sql, "silver", "things", THREE_ROWS);
            Staging.stage(second, sql, "silver", "things", THREE_ROWS).publish();

            PipelineException error = assertThrows(PipelineException.class, () -> slow.publish());

            assertTrue(error.getMessage().startsWith("silver.things: Cannot fast-forward: main is not an ancestor of audit-r2"), error.getMessage());
            assertTrue(error.getMessage().endsWith("its audited version stays on branch audit-r2"), error.getMessage());
        }
        Table table = table("silver.things");
        assertEquals("r3", table.currentSnapshot().summary().get(IcebergTables.RUN_ID), "the other build's commit is not lost");
        assertTrue(table.refs().containsKey("audit-r2"));
    }

    @Test
    void anUnchangedVersionIsNotPublishedOverAnotherBuildsThatCameMeanwhile() throws Exception {
        publishTwoRows("r1");
        try (IcebergTables first = tables("r2"); IcebergTables second = tables("r3")) {
            LakeTables.Staged unchanged = Staging.stage(first, sql, "silver", "things", TWO_ROWS);
            assertEquals("unchanged", unchanged.change());
            Staging.stage(second, sql, "silver", "things", THREE_ROWS).publish();

            PipelineException error = assertThrows(PipelineException.class, unchanged::publish);

            assertEquals("silver.things: main moved since this build found its rows those of the version before"
                    + " (another build published it meanwhile)", error.getMessage());
        }
        assertEquals("r3", table("silver.things").currentSnapshot().summary().get(IcebergTables.RUN_ID));
    }

    @Test
    void rowsThatDifferOnlyInHowOftenEachRepeatsAreAChange() throws Exception {
        try (IcebergTables tables = tables("r1")) {
            Staging.stage(tables, sql, "silver", "things", "SELECT * FROM (VALUES (1, 'a'), (1, 'a'), (2, 'b')) AS t(id, name)").publish();
        }
        try (IcebergTables tables = tables("r2")) {
            LakeTables.Staged staged = Staging.stage(tables, sql, "silver", "things",
                    "SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (2, 'b')) AS t(id, name)");
            staged.publish();
            assertEquals(null, staged.change(), "the whole table, rewritten");
        }
        assertEquals("r2", table("silver.things").currentSnapshot().summary().get(IcebergTables.RUN_ID));
        assertEquals(2, count("SELECT count(*) FROM silver.things WHERE id = 2"));
    }

    @Test
    void aReaderWhileVersionsArePublishedSeesOneWholeVersionEachTime() throws Exception {
        int versions = 6;
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.List<String> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Thread reader = new Thread(() -> {
            try (java.sql.Connection own = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                 java.sql.Statement read = own.createStatement()) {
                read.execute("CREATE SCHEMA silver");
                while (writing.get()) {
                    try (IcebergTables tables = tables("reader")) {
                        if (tables.register(read, "silver", "versions")) {
                            try (java.sql.ResultSet rows = read.executeQuery("SELECT count(*) || ' ' || min(v) || ' ' || max(v) FROM silver.versions")) {
                                rows.next();
                                seen.add(rows.getString(1));
                            }
                        }
                    }
                }
            } catch (Exception e) {
                seen.add("failed: " + e);
            }
        });
        reader.start();
        for (int v = 1; v <= versions; v++) {
            try (IcebergTables tables = tables("w" + v)) {
                Staging.stage(tables, sql, "silver", "versions", "SELECT " + v + " AS v, i FROM range(1000) AS t(i)").publish();
            }
        }
        writing.set(false);
        reader.join();

        assertTrue(seen.stream().distinct().count() > 1, "reads while versions were published: " + seen);
        for (String read : seen) {
            assertTrue(read.matches("1000 (\\d+) \\1"), "a whole version, and one only: " + read);
        }
    }

    @Test
    void aLakeCopiedWithItsCatalogRefusesTheOriginalsTablesInsteadOfChangingThem(@TempDir java.nio.file.Path copy) throws Exception {
        publishTwoRows("r1");
        try (var files = Files.walk(folder)) {
            for (java.nio.file.Path file : files.toList()) {
                java.nio.file.Path target = copy.resolve(folder.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Lake copied = new Lake(copy.toString());
        Lake original = lake;
        lake = copied;
        try (IcebergTables tables = new IcebergTables(copied, "r2", false, this::catalog)) {
            PipelineException error = assertThrows(PipelineException.class, () -> tables.exists("silver", "things"));

            assertEquals("silver.things is at " + original.root().resolve("silver/things") + ", outside the lake " + copy
                    + ": its catalog belongs to another lake (a lake copied with cp still points at the original's files;"
                    + " start the copy over with 'run --full-refresh', or give it a catalog of its own)",
                    error.getMessage());
        } finally {
            lake = original;
        }
    }

    /** silver.things with TWO_ROWS, published by the run. */
    private void publishTwoRows(String run) throws Exception {
        try (IcebergTables tables = tables(run)) {
            Staging.stage(tables, sql, "silver", "things", TWO_ROWS).publish();
        }
    }
}
