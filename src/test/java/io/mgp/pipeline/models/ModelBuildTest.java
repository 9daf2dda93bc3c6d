package io.mgp.pipeline.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mgp.pipeline.LakeAssertions;
import io.mgp.pipeline.engine.DuckDbEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build of a small project: what is checked before anything is written, and what the build leaves behind. */
class ModelBuildTest {

    @TempDir
    Path temp;

    @Test
    void aModelThatDoesNotBindFailsNamingItsFileBeforeAnyModelIsWritten() {
        ProjectFixture project = new ProjectFixture(temp)
                .file("models/silver/a_first.sql", "SELECT id, grp FROM bronze.things")
                .file("models/silver/b_second.sql", "SELECT id, no_such_column FROM silver.a_first");

        ProjectError error = assertThrows(ProjectError.class, () -> project.build(null));

        assertEquals(1, error.exitCode());
        assertTrue(error.getMessage().startsWith("models/silver/b_second.sql: model silver.b_second: Binder Error"), error.getMessage());
        assertTrue(!project.isPublished("silver", "a_first"), "not even the model that binds");
    }

    @Test
    void aColumnItsTableCannotTakeFailsThatModelAloneAndTheOthersAreAuditedButHeldBack() {
        ProjectFixture project = new ProjectFixture(temp)
                .file("models/silver/a_retyped.sql", "SELECT id, grp FROM bronze.things")
                .file("models/silver/b_other.sql", "SELECT grp FROM bronze.things");
        project.build(null);
        project.file("models/silver/a_retyped.sql", "SELECT CAST(n AS INTEGER) AS id, grp FROM bronze.things");
        project.file("models/silver/b_other.sql", "SELECT grp || '!' AS grp FROM bronze.things");

        project.build(null);

        ModelResult retyped = project.model("silver.a_retyped");
        assertEquals(ModelResult.Status.ERROR, retyped.status());
        assertTrue(retyped.message().startsWith("silver.a_retyped: column id changes from string to int"), retyped.message());
        ModelResult other = project.model("silver.b_other");
        assertEquals(ModelResult.Status.HELD, other.status(), "one build, one audit: nothing is published when a model fails");
        assertTrue(other.message().startsWith("kept on branch audit-"), other.message());
    }

    @Test
    void aBuildWhoseAuditPassesPublishesEveryModelAndOneThatFailsLeavesEveryTableAsItWas() {
        ProjectFixture project = new ProjectFixture(temp)
                .file("models/silver/a_first.sql", "SELECT id, grp FROM bronze.things")
                .file("models/silver/b_second.sql", "SELECT grp, count(*) AS n FROM silver.a_first GROUP BY grp")
                .file("models/silver/_models.yml", """
                        models:
                          - name: b_second
                            columns: [{name: n, data_tests: [{accepted_range: {max_value: 100}}]}]
                        """);
        project.build(null);
        long first = LakeAssertions.mainSnapshot(project.lake(), "silver.a_first");
        project.file("models/silver/a_first.sql", "SELECT id || 'x' AS id, grp FROM bronze.things, range(200)");

        project.build(null);

        assertEquals(ModelResult.Status.HELD, project.model("silver.a_first").status(), "it passed, but what reads it did not");
        assertEquals(ModelResult.Status.ERROR, project.model("silver.b_second").status());
        assertEquals(first, LakeAssertions.mainSnapshot(project.lake(), "silver.a_first"), "main as the last good build left it");
    }

    @Test
    void aSingularTestTakesItsConfigFromYamlAndRowsThatCannotBeStoredDoNotChangeItsVerdict() throws Exception {
        ProjectFixture project = new ProjectFixture(temp)
                .file("models/silver/t.sql", "SELECT id, grp FROM bronze.things")
                .file("tests/no_a.sql", "SELECT * FROM silver.t WHERE id = 'a'")
                .file("tests/_tests.yml", "data_tests: [{name: no_a, config: {severity: warn}}]");
        Files.createDirectories(project.lake().resolve("quality"));
        Files.writeString(project.lake().resolve("quality/run-1"), "a file where the run's folder of failing rows goes");

        project.build(null);

        TestResult result = project.result("no_a");
        assertEquals(TestStatus.WARN, result.status());
        assertEquals(1, result.failures());
        assertNull(result.stored());
        assertTrue(result.message().startsWith("failing rows not stored: "), result.message());
        assertEquals(ModelResult.Status.SUCCESS, project.model("silver.t").status(), "a warning publishes");
    }

    @Test
    void aTestWhoseQueryFailsErrsAloneAndTheOtherTestsOfItsTableAreJudgedEachOnItsOwnRows() {
        ProjectFixture project = tableWithFourTests()
                // binds, but fails as it runs: 'a' is no number
                .file("tests/ids_are_numbers.sql", "SELECT * FROM silver.t WHERE CAST(id AS INTEGER) < 0")
                .file("models/silver/u.sql", "SELECT grp FROM bronze.things");

        project.build(null);

        assertFourTestsJudged(project);
        TestResult broken = project.result("ids_are_numbers");
        assertEquals(TestStatus.ERROR, broken.status());
        assertTrue(broken.message().startsWith("the test's query failed: Conversion Error"), broken.message());
        ModelResult after = project.model("silver.u");
        assertEquals(ModelResult.Status.HELD, after.status(), "built and audited, held back by t's error: " + after.message());
        assertTrue(after.message().startsWith("kept on branch audit-"), after.message());
    }

    @Test
    void theTestsOfATableAreCountedByOneQueryEachOnItsOwnRows() {
        ProjectFixture project = tableWithFourTests();
        List<String> calls = new ArrayList<>();

        project.build(null, new RecordingEngine(new DuckDbEngine(), calls));

        assertEquals(1, calls.stream().filter("countsByKey"::equals).count(), calls.toString());
        assertFourTestsJudged(project);
    }

    @Test
    void aModelThatFailsAsItIsWrittenLeavesTheVersionsStagedBeforeItReadableOnTheirBranches() {
        ProjectFixture project = new ProjectFixture(temp)
                .file("models/silver/a_first.sql", "SELECT id, grp FROM bronze.things")
                // binds, but fails as its rows are written: 'g1' is no number
                .file("models/silver/b_second.sql", "SELECT CAST(grp AS INTEGER) AS g FROM bronze.things");

        project.build(null);

        assertEquals(ModelResult.Status.ERROR, project.model("silver.b_second").status());
        ModelResult first = project.model("silver.a_first");
        assertEquals(ModelResult.Status.HELD, first.status(), first.message());
        assertTrue(first.message().startsWith("kept on branch audit-"), first.message());
    }

    @Test
    void runResultsKeepTheLastResultOfWhatTheProjectStillDeclares() throws Exception {
        ProjectFixture project = new ProjectFixture(temp)
                .file("models/silver/t.sql", "SELECT id, grp FROM bronze.things")
                .file("tests/no_g9.sql", "SELECT * FROM silver.t WHERE grp = 'g9'");
        BuildRecords records = new BuildRecords(project.lake());
        records.write(project.catalog(), project.build(null), "run-1", "build");
        Files.delete(temp.resolve("project/tests/no_g9.sql"));
        project.file("models/silver/u.sql", "SELECT id FROM bronze.things");

        records.write(project.catalog(), project.build("silver.u"), "run-2", "build");

        List<String> ids = new ArrayList<>();
        JsonNode results = new ObjectMapper().readTree(records.runResults().toFile()).path("results");
        results.forEach(result -> ids.add(result.path("unique_id").asText() + " " + result.path("invocation_id").asText()));
        assertEquals(List.of("model.silver.t run-1", "model.silver.u run-2"), ids.stream().sorted().toList());
    }

    /** silver.t over bronze.things, with four column tests: two pass, two fail on 2 rows and 1. */
    private ProjectFixture tableWithFourTests() {
        return new ProjectFixture(temp)
                .file("models/silver/t.sql", "SELECT id, n, grp FROM bronze.things")
                .file("models/silver/_models.yml", """
                        models:
                          - name: t
                            columns:
                              - {name: id, data_tests: [not_null, unique]}
                              - {name: grp, data_tests: [{accepted_values: {values: [g1]}}]}
                              - {name: n, data_tests: [not_null]}
                        """);
    }

    private static void assertFourTestsJudged(ProjectFixture project) {
        assertEquals(TestStatus.PASS, project.result("not_null_silver_t_id").status());
        assertEquals(TestStatus.PASS, project.result("unique_silver_t_id").status());
        assertEquals(2, project.result("accepted_values_silver_t_grp").failures(), "g2 and g3");
        assertEquals(1, project.result("not_null_silver_t_n").failures(), "c has none");
    }
}
