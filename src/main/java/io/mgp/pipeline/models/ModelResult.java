package io.mgp.pipeline.models;

import java.time.Duration;
import java.util.Locale;

/**
 * How a model's build ended: published with its rows, failed (its SQL, its contract or an error test), skipped, or
 * held: built and audited, but not published because the build it was part of failed its audit.
 */
public record ModelResult(Node model, Status status, long rows, Duration duration, String message) {

    public enum Status {
        SUCCESS, ERROR, SKIPPED, HELD;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** This audited model, held back from publishing: {@code why}. */
    ModelResult held(String why) {
        return new ModelResult(model, Status.HELD, rows, duration, why);
    }

    static ModelResult skipped(Node model, String why) {
        return new ModelResult(model, Status.SKIPPED, 0, Duration.ZERO, why);
    }
}
