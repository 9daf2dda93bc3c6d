package io.mgp.pipeline.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mgp.pipeline.lineage.UpstreamColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLineageTest {

    private static final Catalog BUILT_IN = builtIn();
    private static final Map<String, CatalogLineage.TableLineage> LINEAGE = CatalogLineage.of(BUILT_IN);

    private static Catalog builtIn() {
        return CatalogLoader.load(ProjectFiles.builtIn());
    }

    @Test
    void everyDeclaredColumnOfEveryTableHasItsUpstreamColumns() {
        for (Node node : BUILT_IN.nodes()) {
            CatalogLineage.TableLineage table = LINEAGE.get(node.id());
            assertNull(table.unresolved(), node.id());
            for (Column column : node.columns()) {
                assertFalse(table.columns().getOrDefault(column.name(), new TreeSet<>()).isEmpty(), node.id() + "." + column.name());
            }
        }
    }

    @Test
    void eachGoldColumnComesDownToTheApisAnswerFieldsStepByStep() {
        assertEquals(List.of("silver.events.sname", "bronze.events.short_name, bronze.events.sname",
                "api.events.body.short_name, api.events.body.sname"), path("gold.mgp", "event_short_name"));
        assertEquals(List.of("silver.seasons.year", "bronze.seasons.year", "api.seasons.body.year"), path("gold.mgp", "year"));
        assertEquals(List.of("silver.classifications.position", "bronze.classifications.position", "api.classifications.body.position"),
                path("gold.mgp", "position"));
        assertEquals(List.of("silver.categories.name", "bronze.categories.name", "api.categories.body.name"), path("gold.mgp", "category"));
    }

    @Test
    void anIdTheApiLeftOutComesFromTheCrawlsContext() {
        assertEquals(Set.of("api.classifications.body.session_id", "api.classifications.session_id"),
                strings(LINEAGE.get("bronze.classifications").columns().get("session_id")));
    }

    @Test
    void aTableWhoseLineageCannotBeFollowedSaysWhyAndTheOthersStillHaveTheirs(@TempDir Path temp) {
        Catalog catalog = new ProjectFixture(temp)
                .file("models/silver/typed.sql", "SELECT id, CAST(n AS INTEGER) AS n FROM bronze.things")
                .file("models/silver/counted.sql", "SELECT n, n * 2 AS twice FROM range(3) AS t(n)")
                .file("models/gold/odd.sql", "SELECT id, missing FROM silver.typed")
                .file("models/gold/_gold.yml", "models:\n  - name: odd\n    columns: [{ name: id }, { name: missing }]\n")
                .file("models/silver/_silver.yml", "models:\n  - name: typed\n    columns: [{ name: id }, { name: n }]\n")
                .catalog();

        Map<String, CatalogLineage.TableLineage> lineage = CatalogLineage.of(catalog);

        assertEquals(Set.of("bronze.things.n"), strings(lineage.get("silver.typed").columns().get("n")));
        assertEquals("it reads from a table function, whose columns are not known", lineage.get("silver.counted").unresolved());
        assertEquals("column missing: column missing is in none of the tables it reads", lineage.get("gold.odd").unresolved());
        assertEquals("the crawl writes no bronze table things", lineage.get("bronze.things").unresolved());
    }

    /** Each step up from a column, until the API: the columns of that step, joined by commas. */
    private static List<String> path(String table, String column) {
        List<String> steps = new ArrayList<>();
        Set<UpstreamColumn> step = LINEAGE.get(table).columns().get(column);
        while (step != null && !step.isEmpty()) {
            steps.add(String.join(", ", strings(step)));
            Set<UpstreamColumn> next = new TreeSet<>();
            for (UpstreamColumn upstream : step) {
                CatalogLineage.TableLineage above = LINEAGE.get(upstream.table());
                if (above != null) {
                    next.addAll(above.columns().get(upstream.column()));
                }
            }
            step = next;
        }
        return steps;
    }

    private static Set<String> strings(Set<UpstreamColumn> columns) {
        Set<String> strings = new TreeSet<>();
        columns.forEach(column -> strings.add(column.toString()));
        return strings;
    }
}
