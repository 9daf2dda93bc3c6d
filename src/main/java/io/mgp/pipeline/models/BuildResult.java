package io.mgp.pipeline.models;

import java.time.Duration;
import java.util.List;

/** What a build or a test command did, in order, and the time spent building models and running tests. */
public record BuildResult(List<ModelResult> models, List<TestResult> tests, Duration modelTime, Duration testTime) {

    /** Whether a model failed or an error test failed: the command exits 1. */
    public boolean failed() {
        return models.stream().anyMatch(m -> m.status() == ModelResult.Status.ERROR)
                || tests.stream().anyMatch(t -> t.status() == TestStatus.ERROR);
    }

    /** Whether every selected model was published. */
    public boolean allPublished() {
        return models.stream().allMatch(m -> m.status() == ModelResult.Status.SUCCESS);
    }

    public long count(TestStatus status) {
        return tests.stream().filter(t -> t.status() == status).count();
    }
}
