package io.mgp.pipeline.seed;

import java.util.SplittableRandom;

/** What the real results archive kept, era by era: it has gaps, and rider numbers and points only came later. */
final class ResultsArchive {

    private static final int DETAILED_FROM = 2005;

    private ResultsArchive() {
    }

    /** Whether a raced session's classification survived; about a fifth of all sessions have none. */
    static boolean keptResults(int year, SessionType type, SplittableRandom random) {
        if (type.kind() == SessionType.Kind.TEST) {
            return false;
        }
        double missing;
        if (year <= 2000) {
            missing = 0.3;
        } else if (year < DETAILED_FROM) {
            missing = 0.9;
        } else {
            missing = 0.03;
        }
        return random.nextDouble() >= missing;
    }

    /** Rider numbers and championship points are only archived from 2005 on. */
    static boolean detailed(int year) {
        return year >= DETAILED_FROM;
    }
}
