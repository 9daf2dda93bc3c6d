package io.mgp.pipeline.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.lake.Partitioning;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The project as read from its files: build order from the SQL, selectors, and mistakes found before anything runs. */
class CatalogTest {

    private static final Catalog BUILT_IN = builtIn();

    @TempDir
    Path temp;

    private static Catalog builtIn() {
        return CatalogLoader.load(ProjectFiles.builtIn());
    }

    @Test
    void theBuildOrderComesFromTheTablesEachModelReads() {
        List<String> order = BUILT_IN.models().stream().map(Node::id).toList();
        assertEquals("gold.mgp", order.get(order.size() - 1));
        for (Node model : BUILT_IN.models()) {
            for (String read : model.dependsOn()) {
                assertTrue(!BUILT_IN.node(read).isModel() || order.indexOf(read) < order.indexOf(model.id()), model.id() + " after " + read);
            }
        }
        assertEquals(Set.of("silver.seasons", "silver.events", "silver.categories", "silver.sessions", "silver.classifications"),
                BUILT_IN.node("gold.mgp").dependsOn());
        assertEquals(Set.of("bronze.events"), BUILT_IN.node("silver.events").dependsOn());
    }

    @Test
    void aModelIsBuiltAfterTheModelsItReadsWhateverItsFileIsNamed() {
        ProjectFixture project = new ProjectFixture(temp)
                .file("models/silver/a_last.sql", "WITH grouped AS (SELECT grp FROM silver.b_middle) SELECT * FROM grouped")
                .file("models/silver/b_middle.sql", "SELECT grp FROM silver.c_first")
                .file("models/silver/c_first.sql", "SELECT * FROM bronze.things");
        assertEquals(List.of("silver.c_first", "silver.b_middle", "silver.a_last"),
                project.catalog().models().stream().map(Node::id).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "silver.seasons             | silver.seasons",
        "seasons                    | silver.seasons",
        "bronze.seasons             | bronze.seasons",
        "classifications+           | silver.classifications gold.mgp",
        "+silver.events             | bronze.events silver.events",
        "'seasons, events'          | silver.seasons silver.events",
        "seasons events+            | silver.seasons silver.events gold.mgp",
    })
    void selectorsTakeDbtsBasicSyntax(String selector, String expected) {
        assertEquals(List.of(expected.split(" ")), List.copyOf(BUILT_IN.select(selector)));
    }

    @Test
    void aSelectorWithAnAncestorPlusSelectsEverythingGoldReads() {
        assertEquals(BUILT_IN.nodes().size(), BUILT_IN.select("+mgp").size());
        assertEquals(BUILT_IN.nodes().size(), BUILT_IN.select(null).size());
    }

    @Test
    void anUnknownSelectorIsADeclarationError() {
        ProjectError error = assertThrows(ProjectError.class, () -> BUILT_IN.select("nope+"));
        assertEquals(2, error.exitCode());
        assertTrue(error.getMessage().startsWith("--select: no model or source is named 'nope'"), error.getMessage());
    }

    @Test
    void anIncrementalModelDeclaresItsPartitionColumnsAndATableModelNone() {
        assertEquals(new Partitioning(List.of("year"), true), BUILT_IN.node("gold.mgp").partitioning());
        assertEquals(Partitioning.NONE, BUILT_IN.node("silver.seasons").partitioning());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "models/silver/_silver.yml | 'models: [{name: t, columns: [{name: id, data_tests: [nope]}]}]' | 2 | models/silver/_silver.yml: unknown test 'nope' on silver.t.id",
        "models/silver/_silver.yml | 'models: [{name: t, columns: [{name: id, data_tests: [accepted_values]}]}]' | 2 | accepted_values on silver.t.id: values must be a list",
        "models/silver/_silver.yml | 'models: [{name: t, columns: [{name: id, data_tests: [{relationships: {field: id}}]}]}]' | 2 | relationships on silver.t.id",
        "models/silver/_silver.yml | 'models: [{name: t, columns: [{name: id, data_tests: [{not_null: {severity: fatal}}]}]}]' | 2 | severity must be error or warn, got 'fatal'",
        "models/silver/_silver.yml | 'models: [{name: t, columns: [{name: id, data_tests: [{unique: {warn_if: lots}}]}]}]' | 2 | warn_if must compare the failing rows",
        "models/silver/_silver.yml | 'models: [{name: t, config: {contract: {enforced: true}}, columns: [{name: id}]}]' | 2 | every column needs a data_type",
        "models/silver/_silver.yml | 'models: [{name: t, columns: [{name: id, data_type: number_of_things}]}]' | 2 | unknown data_type 'number_of_things'",
        "models/silver/_silver.yml | 'models: [{name: nothing_here}]' | 2 | model silver.nothing_here has no SQL file models/silver/nothing_here.sql",
        "models/silver/_silver.yml | 'models: [oops' | 2 | models/silver/_silver.yml: not valid YAML",
        "models/silver/u.sql | SELECT * FROM silver.nowhere | 1 | models/silver/u.sql: model silver.u reads silver.nowhere, which no model or source declares",
        "models/silver/u.sql | SELEC id FROM bronze.things | 1 | models/silver/u.sql: ",
        "tests/odd.sql | SELECT 1 | 1 | tests/odd.sql: reads no table of the lake",
        "models/silver/_silver.yml | 'models: [{name: t, colums: [{name: id}]}]' | 2 | model silver.t: unknown key colums",
        "models/silver/_silver.yml | 'models: [{name: t, columns: [{name: id, data_test: [unique]}]}]' | 2 | column id: unknown key data_test",
        "models/silver/_silver.yml | 'models: [{name: t, columns: [{name: id, data_tests: [{accepted_values: {values: [a], quot: false}}]}]}]' | 2 | accepted_values on silver.t.id: unknown argument quot",
        "models/silver/_silver.yaml | 'models: [{name: t, columns: [{name: id, data_tests: [nope]}]}]' | 2 | models/silver/_silver.yaml: unknown test 'nope'",
        "models/silver/my-model.sql | SELECT 1 | 2 | models/silver/my-model.sql: 'my-model' cannot name a table",
        "models/more.yml | 'sources: [{name: raw, tables: [{name: x}]}]' | 2 | source raw: the crawl lands its tables in bronze",
        "tests/_tests.yml | 'data_tests: [{name: nothing, config: {severity: warn}}]' | 2 | tests/_tests.yml: data_tests: nothing has no file tests/nothing.sql",
        "models/silver/_silver.yml | 'models: [{name: t, config: {materialized: view}}]' | 2 | model silver.t: materialized must be table or incremental, got 'view'",
        "models/silver/_silver.yml | 'models: [{name: t, config: {materialized: incremental}}]' | 2 | model silver.t is incremental by partition: it needs partition_by",
        "models/silver/_silver.yml | 'models: [{name: t, config: {partition_by: year}, columns: [{name: id}]}]' | 2 | model silver.t is partitioned by year, which it does not declare",
    })
    void aMistakeInTheProjectIsOneErrorNamingTheFile(String file, String text, int exitCode, String message) {
        ProjectFixture project = new ProjectFixture(temp)
                .file("models/silver/t.sql", "SELECT id FROM bronze.things")
                .file(file, text);
        ProjectError error = assertThrows(ProjectError.class, project::catalog);
        assertEquals(exitCode, error.exitCode(), error.getMessage());
        assertTrue(error.getMessage().contains(message), error.getMessage());
        assertEquals(1, error.getMessage().lines().count(), error.getMessage());
    }
}
