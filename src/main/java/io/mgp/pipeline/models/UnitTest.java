package io.mgp.pipeline.models;

import java.util.List;
import java.util.Map;

/**
 * A model's unit test, dbt's {@code unit_tests:}: rows given for the tables the model reads, and the rows it must
 * return for them (compared as multisets, on the columns the expected rows name).
 */
public record UnitTest(String name, String model, String description, List<Given> given, List<Map<String, Object>> expect,
                       String file) {

    /** The rows a table the model reads holds for the test. */
    public record Given(String table, List<Map<String, Object>> rows) {
    }
}
