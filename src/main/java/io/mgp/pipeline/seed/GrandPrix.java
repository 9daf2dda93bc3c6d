package io.mgp.pipeline.seed;

import java.util.List;
import java.util.SplittableRandom;

/** An event's name and short name, drawn from ones the real API uses; since 2015 it also lists official tests. */
record GrandPrix(String name, String sname, boolean test) {

    private static final int FIRST_TEST_YEAR = 2015;
    private static final double TEST_SHARE = 0.3;

    private static final List<GrandPrix> RACES = List.of(
            race("DUTCH TT", "NED"),
            race("SPANISH GRAND PRIX", "SPA"),
            race("FRENCH GRAND PRIX", "FRA"),
            race("BRITISH GRAND PRIX", "GBR"),
            race("NATIONS GRAND PRIX", "NAT"),
            race("BELGIUM GRAND PRIX", "BEL"),
            race("WEST GERMANY GRAND PRIX", "WGER"),
            race("AUSTRALIAN GRAND PRIX", "AUS"),
            race("TOURIST TROPHY", "TT"),
            race("JAPANESE GRAND PRIX", "JPN"),
            race("AUSTRIAN GRAND PRIX", "AUT"),
            race("CZECHOSLOVAKIAN GRAND PRIX", "TCH"),
            race("ULSTER GRAND PRIX", "ULST"),
            race("SWEDISH GRAND PRIX", "SWE"),
            race("GERMAN GRAND PRIX", "GER"),
            race("MALAYSIAN GRAND PRIX", "MAL"),
            race("ITALIAN GRAND PRIX", "ITA"),
            race("FINLAND GRAND PRIX", "FIN"),
            race("GRAND PRIX OF QATAR", "QAT"),
            race("GRAN PREMI DE CATALUNYA", "CAT"),
            race("SAN MARINO GRAND PRIX", "RSM"),
            race("UNITED STATES GRAND PRIX", "USA"),
            race("VALENCIA GRAND PRIX", "VAL"),
            race("GRAN PREMIO DE ESPAÑA", "SPA"),
            race("PORTUGUESE GRAND PRIX", "POR"),
            race("GRAN PREMIO DE ARAGÓN", "ARA"),
            race("GRAN PREMIO D'ITALIA", "ITA"),
            race("MOTORRAD GRAND PRIX VON ÖSTERREICH", "AUT"),
            race("GRAND PRIX ČESKÉ REPUBLIKY", "CZE"),
            race("GRAND PRIX OF THE AMERICAS", "AME"),
            race("ARGENTINIAN GRAND PRIX", "ARG"),
            race("SOUTH AFRICAN GRAND PRIX", "RSA"));

    private static final List<GrandPrix> TESTS = List.of(
            test("SEPANG MOTOGP™ OFFICIAL TEST", "MALT1"),
            test("QATAR MOTOGP™ OFFICIAL TEST", "QATT1"),
            test("JEREZ MOTOGP™ OFFICIAL TEST", "SPAT2"),
            test("CATALUNYA MOTOGP™ OFFICIAL TEST", "CATT1"),
            test("VALENCIA MOTOGP™ OFFICIAL TEST", "VALT1"));

    static GrandPrix draw(int year, SplittableRandom random) {
        List<GrandPrix> pool = year >= FIRST_TEST_YEAR && random.nextDouble() < TEST_SHARE ? TESTS : RACES;
        return pool.get(random.nextInt(pool.size()));
    }

    private static GrandPrix race(String name, String sname) {
        return new GrandPrix(name, sname, false);
    }

    private static GrandPrix test(String name, String sname) {
        return new GrandPrix(name, sname, true);
    }
}
