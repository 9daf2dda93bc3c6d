package io.mgp.pipeline.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.LakeAssertions;
import io.mgp.pipeline.duck.SqlResource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every generic test type and the singular test, each declared once to pass and once to fail on the same four rows
 * (a 1 g1, b 2 g1, c null g2 40 days old, d 5 g3), with thresholds, where, store_failures and limit. A test
 * may read other tables (relationships, row_count compare, singular tests); its model is built after them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataTestTypesTest {

    private static final String THINGS_YML = """
            models:
              - name: things
                columns:
                  - name: id
                    data_tests:
                      - not_null: { name: not_null_passes }
                      - unique: { name: unique_passes }
                      - relationships: { name: relationships_passes, to: ref('things'), field: id }
                  - name: n
                    data_tests:
                      - not_null: { name: not_null_fails, severity: warn }
                      - not_null: { name: where_filters_the_tested_rows, where: "id <> 'c'" }
                      - accepted_range: { name: accepted_range_passes, min_value: 1, max_value: 5 }
                      - accepted_range: { name: accepted_range_exclusive_fails, min_value: 1, max_value: 5, inclusive: false, severity: warn, limit: 1 }
                      - expression_is_true: { name: column_expression_passes, expression: ">= 1" }
                      - expression_is_true: { name: column_expression_fails, expression: "< 5", severity: warn, store_failures: false }
                      - not_null_proportion: { name: not_null_proportion_passes, at_least: 0.75 }
                      - not_null_proportion: { name: not_null_proportion_fails, at_least: 0.9, severity: warn }
                      - not_null: { name: error_if_above_the_count_warns, error_if: ">1" }
                      - not_null: { name: warn_if_above_the_count_passes, warn_if: ">1", error_if: ">1" }
                  - name: grp
                    data_tests:
                      - unique: { name: unique_fails, severity: warn }
                      - accepted_values: { name: accepted_values_passes, values: [g1, g2, g3] }
                      - accepted_values: { name: accepted_values_fails, values: [g1], severity: warn }
                      - relationships: { name: relationships_fails, to: ref('groups'), field: grp, severity: warn }
                data_tests:
                  - unique_combination_of_columns: { name: combination_passes, combination_of_columns: [id, grp] }
                  - unique_combination_of_columns: { name: combination_fails, combination_of_columns: [grp], severity: warn }
                  - expression_is_true: { name: table_expression_passes, expression: "n IS NOT NULL OR grp = 'g2'" }
                  - row_count: { name: row_count_passes, min_value: 4, max_value: 4 }
                  - row_count: { name: row_count_fails, max_value: 3, severity: warn }
                  - row_count: { name: row_count_expression_passes, expression: count(DISTINCT grp), min_value: 3, max_value: 3 }
                  - row_count: { name: row_count_compare_passes, compare_model: ref('things') }
                  - row_count: { name: row_count_compare_fails, compare_model: ref('groups'), severity: warn }
                  - recency: { name: recency_passes, field: ts, datepart: day, interval: 30 }
                  - recency: { name: recency_fails, field: ts, datepart: day, interval: 30, where: "id = 'c'", severity: warn }
              - name: bad
                data_tests:
                  - row_count: { name: error_if_at_the_count_errors, max_value: 0, error_if: ">=1", config: { severity: error } }
            """;

    private ProjectFixture project;

    @BeforeAll
    void buildTheProjectOnce(@TempDir Path temp) {
        project = new ProjectFixture(temp)
                .file("models/silver/things.sql", "SELECT id, CAST(n AS INTEGER) AS n, grp, ts FROM bronze.things")
                .file("models/silver/groups.sql", "SELECT DISTINCT grp FROM bronze.things WHERE grp <> 'g3'")
                .file("models/silver/_silver.yml", THINGS_YML)
                .file("tests/singular_passes.sql", "SELECT * FROM silver.things WHERE n > 5")
                .file("models/silver/bad.sql", "SELECT * FROM bronze.things WHERE id = 'a'")
                .file("tests/singular_fails.sql", "SELECT * FROM silver.bad");
        project.build(null);
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource({
        "not_null_passes, pass, 0", "not_null_fails, warn, 1", "where_filters_the_tested_rows, pass, 0",
        "unique_passes, pass, 0", "unique_fails, warn, 1",
        "accepted_values_passes, pass, 0", "accepted_values_fails, warn, 2",
        "relationships_passes, pass, 0", "relationships_fails, warn, 1",
        "accepted_range_passes, pass, 0", "accepted_range_exclusive_fails, warn, 2",
        "column_expression_passes, pass, 0", "column_expression_fails, warn, 1",
        "not_null_proportion_passes, pass, 0", "not_null_proportion_fails, warn, 1",
        "combination_passes, pass, 0", "combination_fails, warn, 1", "table_expression_passes, pass, 0",
        "row_count_passes, pass, 0", "row_count_fails, warn, 1", "row_count_expression_passes, pass, 0",
        "row_count_compare_passes, pass, 0", "row_count_compare_fails, warn, 1",
        "recency_passes, pass, 0", "recency_fails, warn, 1",
        "singular_passes, pass, 0", "singular_fails, error, 1",
        "error_if_above_the_count_warns, warn, 1", "warn_if_above_the_count_passes, pass, 1",
        "error_if_at_the_count_errors, error, 1",
    })
    void eachTestPassesOrFailsWithItsFailingRowCount(String test, String status, long failures) {
        TestResult result = project.result(test);
        assertEquals(status, result.status().toString(), test + ": " + result.message());
        assertEquals(failures, result.failures(), test);
    }

    @Test
    void failingRowsAreStoredUpToTheLimitAndNotWhenStoreFailuresIsOff() throws Exception {
        Path stored = project.result("accepted_range_exclusive_fails").stored();
        assertEquals(project.lake().resolve("quality/run-1/accepted_range_exclusive_fails.parquet"), stored);
        assertEquals(1, LakeAssertions.count("SELECT count(*) FROM read_parquet(" + SqlResource.literal(stored) + ")"), "limit: 1");
        assertNull(project.result("column_expression_fails").stored());
        assertNull(project.result("not_null_passes").stored(), "a passing test stores nothing");
        assertTrue(Files.exists(project.result("unique_fails").stored()));
    }

    @Test
    void anErrorTestKeepsItsBuildUnpublished() {
        assertEquals(ModelResult.Status.HELD, project.model("silver.things").status(), "its tests are warnings or pass");
        assertEquals(ModelResult.Status.HELD, project.model("silver.groups").status());
        assertEquals(ModelResult.Status.ERROR, project.model("silver.bad").status(), "singular_fails and error_if_at_the_count_errors fail on it");
        assertTrue(!project.isPublished("silver", "things"), "held back with the rest of its build");
        assertTrue(!project.isPublished("silver", "bad"), "not published");
        LakeAssertions.assertNoPartialFiles(project.lake());
    }
}
