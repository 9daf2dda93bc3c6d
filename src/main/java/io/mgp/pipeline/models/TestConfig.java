package io.mgp.pipeline.models;

/**
 * How a data test is judged and what is kept of it, in dbt's terms.
 *
 * @param where         a filter on the tested rows, or null
 * @param storeFailures whether failing rows are kept as {@code <lake>/quality/<run id>/<test>.parquet}
 * @param limit         the most failing rows kept
 */
public record TestConfig(Severity severity, Threshold warnIf, Threshold errorIf, String where, boolean storeFailures, int limit) {

    public static final int DEFAULT_LIMIT = 1000;

    public static final TestConfig DEFAULT = new TestConfig(Severity.ERROR, Threshold.ANY, Threshold.ANY, null, true, DEFAULT_LIMIT);

    /**
     * The status a count of failing rows gives, as dbt decides it: with severity error, {@code error_if} first, then
     * {@code warn_if}; with severity warn, only {@code warn_if}.
     */
    public TestStatus judge(long failures) {
        if (severity == Severity.ERROR && errorIf.matches(failures)) {
            return TestStatus.ERROR;
        }
        return warnIf.matches(failures) ? TestStatus.WARN : TestStatus.PASS;
    }
}
