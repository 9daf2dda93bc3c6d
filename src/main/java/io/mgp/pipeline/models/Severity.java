package io.mgp.pipeline.models;

/** What a failing data test does: {@code error} stops its model from being published, {@code warn} is reported. */
public enum Severity {
    ERROR, WARN;

    static Severity parse(String value) {
        return Severity.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
