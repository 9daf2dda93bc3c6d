package io.mgp.pipeline.models;

import java.util.Locale;

/** How a data test ended: {@code skipped} when a table it reads failed or was skipped. */
public enum TestStatus {
    PASS, WARN, ERROR, SKIPPED;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
