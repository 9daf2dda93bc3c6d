package io.mgp.pipeline.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A model that enforces its contract returns exactly its declared columns and types, or nothing is written. */
class ContractTest {

    private static final String DECLARED = """
            models:
              - name: t
                config: { contract: { enforced: true } }
                columns:
                  - { name: id, data_type: text }
                  - { name: n, data_type: int }
            """;

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT id, CAST(n AS INTEGER) AS n FROM bronze.things              | ",
        "SELECT id FROM bronze.things                                       | contract: column n is declared but the result has none",
        "SELECT id, CAST(n AS INTEGER) AS n, grp FROM bronze.things         | contract: the result has column grp, which is not declared",
        "SELECT id, n FROM bronze.things                                    | contract: column n is VARCHAR, declared INTEGER",
    })
    void aResultThatBreaksTheContractFailsNamingTheColumn(String select, String violation) {
        ProjectFixture project = new ProjectFixture(temp).file("models/silver/t.sql", select).file("models/silver/_silver.yml", DECLARED);

        project.build(null);

        ModelResult result = project.model("silver.t");
        if (violation == null) {
            assertEquals(ModelResult.Status.SUCCESS, result.status(), result.message());
            assertEquals(4, result.rows());
        } else {
            assertEquals(ModelResult.Status.ERROR, result.status());
            assertEquals(violation, result.message());
            assertTrue(!project.isPublished("silver", "t"), "nothing written");
        }
    }
}
