package io.mgp.pipeline.models;

import io.mgp.pipeline.run.RunReport;

/** Shows each model and test on the console as it ends, and records it in the run report (and so in the metrics): a model once the build ended. */
public final class BuildReporter implements BuildListener {

    private final BuildConsole console = new BuildConsole();
    private final RunReport report;

    public BuildReporter(RunReport report) {
        this.report = report;
    }

    @Override
    public void model(int index, int total, ModelResult result) {
        console.model(index, total, result);
    }

    @Override
    public void ended(BuildResult result) {
        for (ModelResult model : result.models()) {
            Node node = model.model();
            if (model.status() == ModelResult.Status.SUCCESS) {
                report.modelBuilt(node.layer(), node.name(), model.rows(), model.duration());
            } else {
                report.modelFailed(node.id(), model.status().toString(), model.message());
            }
        }
    }

    @Override
    public void test(int index, int total, TestResult result) {
        console.test(index, total, result);
        report.dataTest(new RunReport.DataTestOutcome(result.test().name(), result.status().toString(), result.failures(),
                result.stored() == null ? null : BuildConsole.shown(result.stored()), result.message()));
    }
}
