package io.mgp.pipeline.models;

import java.time.Duration;
import java.util.Locale;

/** How a model's build ended: published with its rows, failed (its SQL, its contract or an error test), or skipped. */
public record ModelResult(Node model, Status status, long rows, Duration duration, String message) {

    public enum Status {
        SUCCESS, ERROR, SKIPPED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static ModelResult skipped(Node model, String why) {
        return new ModelResult(model, Status.SKIPPED, 0, Duration.ZERO, why);
    }
}
