package io.mgp.pipeline.models;

/**
 * Told of each model and test as it ends, in order, numbered from 1 of {@code total}; a model that passed its audit
 * ends as {@code success}, and whether it was published is told at the build's end.
 */
public interface BuildListener {

    default void model(int index, int total, ModelResult result) {
    }

    default void test(int index, int total, TestResult result) {
    }

    /** The build's end: each model as it ended, published ({@code success}) or not. */
    default void ended(BuildResult result) {
    }
}
