package io.mgp.pipeline.seed;

/** Rows written per seed file. */
public record SeedCounts(long seasons, long events, long categories, long sessions, long classifications) {

    /** Requests a full crawl makes: the season list, then one per season, event, category and session. */
    public long requests() {
        return 1 + seasons + events + categories + sessions;
    }
}
