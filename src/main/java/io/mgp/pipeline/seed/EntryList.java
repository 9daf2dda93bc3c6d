package io.mgp.pipeline.seed;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/** The riders entered in one class at one event; each of its sessions classifies some or all of them. */
final class EntryList {

    private static final int MIN_SIZE = 5;
    private static final int MAX_SIZE = 45;
    private static final int HIGHEST_NUMBER = 99;

    /** Early archives list only the top six; grids filled up through the 1980s. */
    private static final YearCurve SIZE = YearCurve.through(
            1949, 6, 1960, 6.5, 1970, 10, 1978, 10.5, 1985, 25, 1992, 30, 2000, 27, 2012, 30.5, 2024, 27);

    /** Share of race entries without a position: rare while only finishers were recorded. */
    private static final YearCurve RACE_NON_FINISHERS = YearCurve.through(
            1949, 0.01, 1978, 0.02, 1985, 0.27, 1995, 0.29, 2024, 0.2);

    private static final double UNCLASSIFIED_OUTSIDE_RACES = 0.02;

    private final int year;
    private final String[] names;
    private final Integer[] numbers;

    private EntryList(int year, String[] names, Integer[] numbers) {
        this.year = year;
        this.names = names;
        this.numbers = numbers;
    }

    static EntryList draw(int year, SplittableRandom random) {
        double size = SIZE.at(year) * (0.7 + 0.6 * random.nextDouble());
        int n = (int) Math.max(MIN_SIZE, Math.min(MAX_SIZE, Math.round(size)));
        String[] names = distinctNames(n, random);
        Integer[] numbers = new Integer[n];
        if (ResultsArchive.detailed(year)) {
            int[] drawn = shuffledPrefix(HIGHEST_NUMBER, n, random);
            for (int i = 0; i < n; i++) {
                numbers[i] = drawn[i] + 1;
            }
        }
        return new EntryList(year, names, numbers);
    }

    void classify(SessionRow session, SessionType type, SplittableRandom random, Consumer<ClassificationRow> out) {
        boolean race = type.kind() == SessionType.Kind.RACE;
        int starters = type.kind() == SessionType.Kind.QUALIFYING_PART
                ? Math.min(names.length, 8 + random.nextInt(11))
                : names.length;
        double unclassifiedShare = race ? RACE_NON_FINISHERS.at(year) : UNCLASSIFIED_OUTSIDE_RACES;
        int classified = starters - (int) Math.round(starters * unclassifiedShare * 2 * random.nextDouble());
        boolean detailed = ResultsArchive.detailed(year);
        int[] order = shuffledPrefix(names.length, starters, random);
        for (int i = 0; i < starters; i++) {
            Integer position = i < classified ? i + 1 : null;
            int entry = order[i];
            out.accept(new ClassificationRow(session.seasonId(), session.eventId(), session.categoryId(), session.id(),
                    names[entry], numbers[entry], position, detailed ? type.pointsFor(position) : 0));
        }
    }

    private static String[] distinctNames(int n, SplittableRandom random) {
        Set<String> names = new HashSet<>();
        String[] ordered = new String[n];
        for (int i = 0; i < n; ) {
            String name = RiderNames.any(random);
            if (names.add(name)) {
                ordered[i++] = name;
            }
        }
        return ordered;
    }

    /** The first {@code k} values of a random permutation of {@code 0..n-1} (partial Fisher-Yates). */
    private static int[] shuffledPrefix(int n, int k, SplittableRandom random) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }
}
