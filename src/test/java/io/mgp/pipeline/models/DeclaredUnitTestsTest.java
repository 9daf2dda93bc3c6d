package io.mgp.pipeline.models;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mgp.pipeline.engine.DuckDbEngine;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every unit test the built-in models declare, one test case each, named after its model and itself. */
class DeclaredUnitTestsTest {

    private static final Catalog CATALOG = builtIn();

    private static Catalog builtIn() {
        return CatalogLoader.load(ProjectFiles.builtIn());
    }

    @TestFactory
    Stream<DynamicTest> everyDeclaredUnitTestPasses() {
        UnitTestRunner runner = new UnitTestRunner(CATALOG, new DuckDbEngine());
        return CATALOG.unitTests().stream().map(test -> DynamicTest.dynamicTest(test.model() + ": " + test.name(),
                () -> assertNull(runner.difference(test), test.file() + ": " + test.name())));
    }

    @Test
    void everyModelHasAUnitTest() {
        Set<String> tested = CATALOG.unitTests().stream().map(UnitTest::model).collect(Collectors.toSet());
        List<String> untested = CATALOG.models().stream().map(Node::id).filter(id -> !tested.contains(id)).toList();
        assertFalse(CATALOG.unitTests().isEmpty());
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), untested);
    }
}
