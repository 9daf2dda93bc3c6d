package io.mgp.pipeline.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A season to generate and how many events its calendar has. */
record SeasonPlan(int year, int events) {

    private static final int FIRST_YEAR = 1949;
    private static final int CURRENT_YEAR = 2024;
    private static final int ALL_SEASONS = CURRENT_YEAR - FIRST_YEAR + 1;

    /** Events in the real dataset; at scale 1 the calendar sizes add up to about this. */
    private static final int REAL_EVENTS = 1114;

    /**
     * Short calendars in the early years, ~17 around 2010, longer (with test events) lately; the current
     * season's calendar is not fully published yet.
     */
    private static final YearCurve CALENDAR_SIZE = YearCurve.through(
            1949, 6, 1960, 8, 1961, 11, 1986, 12, 1987, 14, 2014, 18, 2015, 26, 2023, 28, 2024, 17);

    /**
     * Scale grows the calendars, so data and crawl requests grow together; below 1 it drops seasons instead,
     * spread over the whole history and always ending with the current one.
     */
    static List<SeasonPlan> forScale(double scale, SplittableRandom random) {
        List<Integer> years = years(scale);
        double curveTotal = years.stream().mapToDouble(CALENDAR_SIZE::at).sum();
        double factor = scale * REAL_EVENTS / curveTotal;
        List<SeasonPlan> plans = new ArrayList<>(years.size());
        for (int year : years) {
            double jitter = 0.85 + 0.3 * random.nextDouble();
            plans.add(new SeasonPlan(year, (int) Math.max(1, Math.round(CALENDAR_SIZE.at(year) * factor * jitter))));
        }
        return plans;
    }

    private static List<Integer> years(double scale) {
        int count = scale >= 1 ? ALL_SEASONS : (int) Math.max(1, Math.round(ALL_SEASONS * scale));
        List<Integer> years = new ArrayList<>(count);
        for (int i = count - 1; i >= 0; i--) {
            years.add(CURRENT_YEAR - (int) ((long) i * ALL_SEASONS / count));
        }
        return years;
    }

    /** The current season is under way: only its first half has been raced, the rest has no results yet. */
    boolean raced(int eventIndex) {
        return year < CURRENT_YEAR || eventIndex < (events + 1) / 2;
    }
}
