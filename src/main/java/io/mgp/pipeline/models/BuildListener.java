package io.mgp.pipeline.models;

/**
 * Told of each model and test as it ends, in order, numbered from 1 of {@code total}; a model that passed its audit
 * ends as {@code success}, and whether it was published is told at the build's end.
 */
public interface BuildListener {

    /** A model starts to build (a model skipped as a table it reads failed never starts). */
    default void started(Node model) {
    }

    default void model(int index, int total, ModelResult result) {
    }

    default void test(int index, int total, TestResult result) {
    }

    /** The build's end: each model as it ended, published ({@code success}) or not. */
    default void ended(BuildResult result) {
    }

    /** The build stopped on an error before its end (the lake unreadable, a model's SQL): nothing more is told. */
    default void aborted(RuntimeException error) {
    }

    /** Tells both listeners, this one first. */
    default BuildListener and(BuildListener other) {
        BuildListener first = this;
        return new BuildListener() {
            @Override
            public void started(Node model) {
                first.started(model);
                other.started(model);
            }

            @Override
            public void model(int index, int total, ModelResult result) {
                first.model(index, total, result);
                other.model(index, total, result);
            }

            @Override
            public void test(int index, int total, TestResult result) {
                first.test(index, total, result);
                other.test(index, total, result);
            }

            @Override
            public void ended(BuildResult result) {
                first.ended(result);
                other.ended(result);
            }

            @Override
            public void aborted(RuntimeException error) {
                first.aborted(error);
                other.aborted(error);
            }
        };
    }
}
