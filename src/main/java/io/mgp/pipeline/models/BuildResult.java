package io.mgp.pipeline.models;

import java.time.Duration;
import java.util.List;

/**
 * What a build or a test command did, in order, and the time spent building models, running tests and publishing the
 * audited versions.
 */
public record BuildResult(List<ModelResult> models, List<TestResult> tests, Duration modelTime, Duration testTime, Duration publishTime) {

    /** Whether every selected model was published. */
    public boolean allPublished() {
        return models.stream().allMatch(m -> m.status() == ModelResult.Status.SUCCESS);
    }
}
