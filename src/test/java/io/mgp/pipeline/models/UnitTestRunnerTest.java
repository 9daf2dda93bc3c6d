package io.mgp.pipeline.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.engine.DuckDbEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A unit test passes on exactly the expected rows and otherwise names the rows that differ. */
class UnitTestRunnerTest {

    @TempDir
    Path temp;

    private String difference(String expect) {
        Catalog catalog = new ProjectFixture(temp)
                .file("models/silver/t.sql", "SELECT id, CAST(n AS INTEGER) AS n FROM bronze.things WHERE n IS NOT NULL")
                .file("models/silver/_silver.yml", """
                        unit_tests:
                          - name: u
                            model: t
                            given:
                              - input: source('bronze', 'things')
                                rows: [{ id: a, n: "1" }, { id: b }, { id: c, n: "3" }]
                            expect:
                              rows: %s
                        """.formatted(expect))
                .catalog();
        return new UnitTestRunner(catalog, new DuckDbEngine()).difference(catalog.unitTests().get(0));
    }

    @Test
    void theExpectedRowsInAnyOrderPass() {
        assertNull(difference("[{ id: c, n: 3 }, { id: a, n: 1 }]"));
        assertNull(difference("[{ id: c }, { id: a }]"), "only the columns the expected rows name are compared");
    }

    @Test
    void aMissingOrUnexpectedRowIsShown() {
        assertEquals("expected but not returned: {id: b, n: 2}; returned but not expected: {id: c, n: 3}",
                difference("[{ id: a, n: 1 }, { id: b, n: 2 }]"));
        assertEquals("expected but not returned: {id: a}; returned but not expected: none",
                difference("[{ id: a }, { id: a }, { id: c }]"), "rows compare as a multiset");
    }

    @Test
    void anExpectedColumnTheModelDoesNotReturnIsNamed() {
        assertTrue(difference("[{ id: a, m: 1 }]").startsWith("expects a column m, which silver.t does not return"));
    }
}
