package io.mgp.pipeline.cli;

import io.mgp.pipeline.run.RunReport;
import io.mgp.pipeline.run.RunReport.DataTestOutcome;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** The summary's lines about models and data tests, shared by {@code run}, {@code build} and {@code test}. */
final class QualitySummary {

    private QualitySummary() {
    }

    /** The count of tests per status, each test that warned or failed, and each model not published. */
    static String render(RunReport report) {
        StringBuilder out = new StringBuilder();
        List<DataTestOutcome> tests = report.dataTests();
        if (!tests.isEmpty()) {
            Map<String, Integer> byStatus = new TreeMap<>();
            tests.forEach(t -> byStatus.merge(t.status(), 1, Integer::sum));
            StringJoiner counts = new StringJoiner(", ");
            byStatus.forEach((status, count) -> counts.add(String.format("%s %,d", status, count)));
            out.append(String.format("  Tests      %,d: %s%n", tests.size(), counts));
        }
        for (DataTestOutcome test : tests) {
            if (test.status().equals("warn") || test.status().equals("error")) {
                out.append(String.format("  %-10s %s: %s%n", test.status().equals("warn") ? "Warn" : "Error", test.name(), outcome(test)));
            }
        }
        report.modelFailures().forEach(failure -> out.append(String.format("  %-10s %s%n",
                failure.status().equals("held") ? "Held back" : "Not built", failure)));
        return out.toString();
    }

    /** Whether a model was not published or a test failed with severity error. */
    static boolean failed(RunReport report) {
        return !report.modelFailures().isEmpty() || report.dataTests().stream().anyMatch(t -> t.status().equals("error"));
    }

    /** The one line a command ends with on stderr when the data failed its tests. */
    static String failure(RunReport report) {
        long errors = report.dataTests().stream().filter(t -> t.status().equals("error")).count();
        int models = report.modelFailures().size();
        return errors + (errors == 1 ? " data test" : " data tests") + " failed and " + models
                + (models == 1 ? " model was" : " models were") + " not published (listed above); the published tables are as they were";
    }

    private static String outcome(DataTestOutcome test) {
        String rows = String.format("%,d failing %s", test.failures(), test.failures() == 1 ? "row" : "rows");
        if (test.message() != null) {
            return test.failures() > 0 ? rows + "; " + test.message() : test.message();
        }
        return test.stored() == null ? rows : rows + " in " + test.stored();
    }
}
