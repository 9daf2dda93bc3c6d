package io.mgp.pipeline.models;

import io.mgp.pipeline.run.RunReport;

/** Shows each model and test on the console as it ends, and records it in the run report (and so in the metrics). */
public final class BuildReporter implements BuildListener {

    private final BuildConsole console = new BuildConsole();
    private final RunReport report;

    public BuildReporter(RunReport report) {
        this.report = report;
    }

    @Override
    public void model(int index, int total, ModelResult result) {
        console.model(index, total, result);
        Node model = result.model();
        if (result.status() == ModelResult.Status.SUCCESS) {
            report.modelBuilt(model.layer(), model.name(), result.rows(), result.duration());
        } else {
            report.modelFailed(model.id(), result.status().toString(), result.message());
        }
    }

    @Override
    public void test(int index, int total, TestResult result) {
        console.test(index, total, result);
        report.dataTest(new RunReport.DataTestOutcome(result.test().name(), result.status().toString(), result.failures(),
                result.stored() == null ? null : BuildConsole.shown(result.stored()), result.message()));
    }
}
