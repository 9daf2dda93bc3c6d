package io.mgp.pipeline.lake.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.lake.LakeTables;
import io.mgp.pipeline.lake.Partitioning;
import io.mgp.pipeline.lake.Staging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;

/** Tables partitioned by a column, rewritten whole or, incrementally, only where their rows changed. */
class PartitionedTablesTest extends LakeTablesFixture {

    private static final Partitioning BY_YEAR = new Partitioning(List.of("year"), true);
    private static final String THREE_YEARS = "SELECT * FROM (VALUES (2020, 'a'), (2020, 'b'), (2021, 'c'), (NULL, 'd')) AS t(year, name)";

    @Test
    void eachPartitionIsAFileHoldingItsColumnAndANullValueIsAPartitionToo() throws Exception {
        publish("r1", THREE_YEARS);

        Table table = table();
        assertEquals("[1000: year: identity(1)]", table.spec().fields().toString());
        assertEquals(Map.of("total-data-files", "3", "total-records", "4"), totals(table));
        assertEquals(4, count("SELECT count(*) FROM gold.things"));
        assertEquals(1, count("SELECT count(*) FROM gold.things WHERE year IS NULL"));
    }

    @Test
    void anIncrementalVersionRewritesOnlyThePartitionsWhoseRowsChangedAddedOrWentAway() throws Exception {
        publish("r1", THREE_YEARS);
        String changed = "SELECT * FROM (VALUES (2020, 'a'), (2020, 'b'), (2021, 'c2'), (2022, 'e')) AS t(year, name)";

        LakeTables.Staged staged;
        try (IcebergTables tables = tables("r2")) {
            staged = Staging.stage(tables, sql, "gold", "things", changed, BY_YEAR);
            staged.publish();
        }

        assertEquals("3 of 3 partitions", staged.change(), "2021, 2022 and the null year, of the version's 2020, 2021 and 2022");
        Map<String, String> summary = table().currentSnapshot().summary();
        assertEquals("2", summary.get("added-data-files"), "2021 rewritten, 2022 new: " + summary);
        assertEquals("2", summary.get("deleted-data-files"), "2021's and the null year's: " + summary);
        assertEquals(Map.of("total-data-files", "3", "total-records", "4"), totals(table()));
        assertEquals(List.of("2020 a", "2020 b", "2021 c2", "2022 e"), rows());
    }

    @Test
    void aVersionWithTheSameRowsCommitsNothing() throws Exception {
        publish("r1", THREE_YEARS);
        long published = table().currentSnapshot().snapshotId();

        LakeTables.Staged staged;
        try (IcebergTables tables = tables("r2")) {
            staged = Staging.stage(tables, sql, "gold", "things", THREE_YEARS + " ORDER BY name DESC", BY_YEAR);
            staged.publish();
        }

        assertEquals("unchanged", staged.change());
        assertEquals(4, staged.rows());
        assertEquals(published, table().currentSnapshot().snapshotId());
        assertFalse(table().refs().containsKey("run-r2"), "no version, no tag");
    }

    @Test
    void aTableThatBecomesPartitionedIsRewrittenWholeUnderItsNewSpec() throws Exception {
        try (IcebergTables tables = tables("r1")) {
            Staging.stage(tables, sql, "gold", "things", THREE_YEARS).publish();
        }
        assertTrue(table().spec().isUnpartitioned());

        publish("r2", THREE_YEARS);

        Table table = table();
        assertEquals(List.of("year"), PartitionLayout.columns(table.spec(), table.schema()));
        assertEquals(Map.of("total-data-files", "3", "total-records", "4"), totals(table));
        assertEquals("1", table.currentSnapshot().summary().get("deleted-data-files"), "the unpartitioned file went");
    }

    @Test
    void aTablePartitionedAnotherWayIsRewrittenWholeUnderTheNewColumnOnly() throws Exception {
        publish("r1", THREE_YEARS);

        try (IcebergTables tables = tables("r2")) {
            Staging.stage(tables, sql, "gold", "things", THREE_YEARS, new Partitioning(List.of("name"), true)).publish();
        }

        Table table = table();
        assertEquals(List.of("name"), PartitionLayout.columns(table.spec(), table.schema()));
        assertEquals(Map.of("total-data-files", "4", "total-records", "4"), totals(table));
        assertEquals(List.of("2020 a", "2020 b", "2021 c"), rows().subList(0, 3));
    }

    @Test
    void aVersionWithoutRowsIsAnEmptyTableThatReadsAsEmpty() throws Exception {
        publish("r1", THREE_YEARS + " WHERE false");

        assertEquals(Map.of("total-data-files", "0", "total-records", "0"), totals(table()));
        assertEquals(0, count("SELECT count(*) FROM gold.things"));
        try (IcebergTables tables = tables("check")) {
            sql.execute("DROP VIEW gold.things");
            assertTrue(tables.register(sql, "gold", "things"));
        }
        assertEquals(0, count("SELECT count(*) FROM gold.things WHERE year = 2020 AND name = 'a'"), "its columns are there");
    }

    @Test
    void aPartitionColumnOfAnotherTypeIsAnErrorNamingIt() {
        try (IcebergTables tables = tables("r1")) {
            PipelineException error = assertThrows(PipelineException.class, () -> Staging.stage(tables, sql, "gold", "things",
                    "SELECT 1.5 AS score, 'a' AS name", new Partitioning(List.of("score"), true)));

            assertEquals("gold.things: partition_by column score is decimal(2, 1); partition by an integer, bigint or varchar column",
                    error.getMessage());
        }
    }

    private void publish(String runId, String select) throws Exception {
        try (IcebergTables tables = tables(runId)) {
            Staging.stage(tables, sql, "gold", "things", select, BY_YEAR).publish();
        }
    }

    private Table table() throws Exception {
        return table("gold.things");
    }

    private static Map<String, String> totals(Table table) {
        Map<String, String> summary = table.currentSnapshot().summary();
        return Map.of("total-data-files", summary.get("total-data-files"), "total-records", summary.get("total-records"));
    }

    private List<String> rows() throws SQLException {
        List<String> rows = new java.util.ArrayList<>();
        try (ResultSet result = sql.executeQuery("SELECT year || ' ' || name FROM gold.things ORDER BY ALL")) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
