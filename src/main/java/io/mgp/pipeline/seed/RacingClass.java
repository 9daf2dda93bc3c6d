package io.mgp.pipeline.seed;

import java.util.SplittableRandom;

/**
 * The classes raced over the championship's history. MotoGP replaced the 500cc class and, as in the real API,
 * keeps its category id, so ten names share nine ids.
 */
enum RacingClass {
    CC125("125cc", "125cc", 1949, 2011, 0.8),
    CC250("250cc", "250cc", 1949, 2009, 0.85),
    CC500("500cc", RacingClass.PREMIER, 1949, 2001, 1.0),
    MOTOGP("MotoGP", RacingClass.PREMIER, 2002, Integer.MAX_VALUE, 1.0),
    CC350("350cc", "350cc", 1949, 1982, 0.6),
    MOTO2("Moto2", "Moto2", 2010, Integer.MAX_VALUE, 0.9),
    MOTO3("Moto3", "Moto3", 2012, Integer.MAX_VALUE, 0.9),
    CC50("50cc", "50cc", 1962, 1983, 0.7),
    CC80("80cc", "80cc", 1984, 1989, 0.7),
    MOTOE("MotoE", "MotoE", 2019, Integer.MAX_VALUE, 0.4);

    private static final String PREMIER = "premier";

    private final String displayName;
    private final String idKey;
    private final int firstYear;
    private final int lastYear;
    private final double shareOfEvents;

    RacingClass(String displayName, String idKey, int firstYear, int lastYear, double shareOfEvents) {
        this.displayName = displayName;
        this.idKey = idKey;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.shareOfEvents = shareOfEvents;
    }

    String displayName() {
        return displayName;
    }

    /** Classes with the same key share one category id. */
    String idKey() {
        return idKey;
    }

    /** The premier class is at every event, and official tests are for it alone. */
    boolean runsAt(int year, GrandPrix event, SplittableRandom random) {
        if (year < firstYear || year > lastYear) {
            return false;
        }
        return event.test() ? idKey.equals(PREMIER) : random.nextDouble() < shareOfEvents;
    }
}
