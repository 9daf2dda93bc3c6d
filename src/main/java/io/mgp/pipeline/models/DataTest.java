package io.mgp.pipeline.models;

import java.util.Set;

/**
 * A data test compiled to a {@code SELECT} of the failing rows: it passes when there are none.
 *
 * @param type   the generic test ({@code not_null}, {@code relationships}, …), or {@code singular} for a file of tests/
 * @param node   the table it tests: the model it is declared on, or the last table a singular test reads
 * @param column the tested column, or null for a test of the whole table
 * @param refs   every table the query reads: it runs once they are all built
 * @param file   the file that declares it
 */
public record DataTest(String name, String type, String node, String column, String sql, Set<String> refs,
                       TestConfig config, String file) {
}
