package io.mgp.pipeline.seed;

import java.util.List;

/** The sessions the real API lists, named as it names them. */
enum SessionType {
    FP1(Kind.PRACTICE), FP2(Kind.PRACTICE), FP3(Kind.PRACTICE), PR(Kind.PRACTICE), WUP(Kind.PRACTICE),
    QP(Kind.PRACTICE), QP1(Kind.PRACTICE), QP2(Kind.PRACTICE),
    Q1(Kind.QUALIFYING_PART), Q2(Kind.QUALIFYING_PART),
    SPR(Kind.RACE, 12, 9, 7, 6, 5, 4, 3, 2, 1),
    RAC(Kind.RACE, 25, 20, 16, 13, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1),
    T1(Kind.TEST);

    enum Kind {
        /** Every entry classified, nearly all with a position. */
        PRACTICE,
        /** Only part of the entry list takes part. */
        QUALIFYING_PART,
        /** Every entry classified; non-finishers have no position. */
        RACE,
        /** Official test days, listed but never classified. */
        TEST
    }

    private final Kind kind;
    private final int[] pointsByPosition;

    SessionType(Kind kind, int... pointsByPosition) {
        this.kind = kind;
        this.pointsByPosition = pointsByPosition;
    }

    Kind kind() {
        return kind;
    }

    int pointsFor(Integer position) {
        return position == null || position > pointsByPosition.length ? 0 : pointsByPosition[position - 1];
    }

    /** The archive has only races before 2001; practice and qualifying formats changed every decade or so since. */
    static List<SessionType> programmeOf(int year, GrandPrix event) {
        if (event.test()) {
            return List.of(T1);
        }
        if (year <= 2000) {
            return List.of(RAC);
        }
        if (year <= 2004) {
            return List.of(FP1, FP2, QP1, QP2, WUP, RAC);
        }
        if (year <= 2012) {
            return List.of(FP1, FP2, FP3, QP, WUP, RAC);
        }
        if (year <= 2022) {
            return List.of(FP1, FP2, FP3, Q1, Q2, WUP, RAC);
        }
        return List.of(FP1, PR, FP2, Q1, Q2, SPR, RAC);
    }
}
