package io.mgp.pipeline.seed;

import java.util.function.Consumer;

/** Where generated rows go, one consumer per seed table. */
record SeedSink(Consumer<SeasonRow> seasons,
                Consumer<EventRow> events,
                Consumer<CategoryRow> categories,
                Consumer<SessionRow> sessions,
                Consumer<ClassificationRow> classifications) {
}
