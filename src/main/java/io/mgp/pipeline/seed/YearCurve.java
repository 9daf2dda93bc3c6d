package io.mgp.pipeline.seed;

import java.util.Arrays;

/** A quantity that drifts over the decades, given at a few anchor years and interpolated linearly between them. */
final class YearCurve {

    private final int[] years;
    private final double[] values;

    private YearCurve(int[] years, double[] values) {
        this.years = years;
        this.values = values;
    }

    /** Anchors as {@code year, value, year, value, ...} in increasing year order. */
    static YearCurve through(double... yearValuePairs) {
        int n = yearValuePairs.length / 2;
        int[] years = new int[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            years[i] = (int) yearValuePairs[2 * i];
            values[i] = yearValuePairs[2 * i + 1];
        }
        return new YearCurve(years, values);
    }

    double at(int year) {
        int i = Arrays.binarySearch(years, year);
        if (i >= 0) {
            return values[i];
        }
        int after = -i - 1;
        if (after == 0) {
            return values[0];
        }
        if (after == years.length) {
            return values[years.length - 1];
        }
        int before = after - 1;
        double t = (double) (year - years[before]) / (years[after] - years[before]);
        return values[before] + t * (values[after] - values[before]);
    }
}
