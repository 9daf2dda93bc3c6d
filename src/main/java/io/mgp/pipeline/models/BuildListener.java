package io.mgp.pipeline.models;

/** Told of each model and test as it ends, in order, numbered from 1 of {@code total}. */
public interface BuildListener {

    default void model(int index, int total, ModelResult result) {
    }

    default void test(int index, int total, TestResult result) {
    }
}
