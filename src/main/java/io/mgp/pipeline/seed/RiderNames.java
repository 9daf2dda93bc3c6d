package io.mgp.pipeline.seed;

import java.util.List;
import java.util.SplittableRandom;

/** Rider names: mostly plain ASCII, with about the real data's 2% share of names that need UTF-8. */
final class RiderNames {

    private static final double NON_ASCII_SHARE = 0.02;

    private static final List<String> FIRST = List.of(
            "Aleix", "Alex", "Andrea", "Anthony", "Augusto", "Barry", "Bo", "Brad", "Bradley", "Cal",
            "Carlos", "Dani", "Danilo", "David", "Dominique", "Eddie", "Enea", "Fabio", "Franco", "Freddie",
            "Geoff", "Giacomo", "Hector", "Jack", "Jim", "Joan", "Jonas", "Jorge", "Kenny", "Kevin",
            "Lorenzo", "Loris", "Luca", "Luigi", "Marc", "Marco", "Mick", "Miguel", "Mike", "Nicky", "Phil",
            "Pol", "Randy", "Raul", "Sete", "Stefan", "Tetsuta", "Tom", "Valentino", "Wayne");

    private static final List<String> LAST = List.of(
            "Agostini", "Bagnaia", "Bastianini", "Biaggi", "Binder", "Capirossi", "Crutchlow", "Dovizioso",
            "Duke", "Ekerold", "Espargaro", "Gardner", "Graham", "Hailwood", "Hayden", "Hocking", "Ivy",
            "Lawson", "Locatelli", "Lorenzo", "Lowes", "Luthi", "Mamola", "Marini", "Marquez", "Mir",
            "Morbidelli", "Nagashima", "Oliveira", "Pasini", "Pedrosa", "Quartararo", "Rainey", "Read",
            "Redman", "Rins", "Roberts", "Rossi", "Schwantz", "Sheene", "Smith", "Spencer", "Stoner",
            "Surtees", "Taveri", "Ubbiali", "Uncini", "Vierge", "Zarco", "Zeelenberg");

    private static final List<String> NON_ASCII = List.of(
            "Günter Beer", "Ángel Nieto", "Jorge Martín", "Maverick Viñales", "Isaac Viñales", "Deniz Öncü",
            "David Muñoz", "Bruno Kneubühler", "Luca Grünwald", "Stefan Dörflinger", "Jean François Baldé",
            "Carlos Cardús", "Hans Müller", "Thierry Espié", "Heinz Lüthi", "Esa Kytölä", "Károly Juhász",
            "Salvador Cañellas", "Fernando Cristóbal", "René Dünki");

    private RiderNames() {
    }

    static String any(SplittableRandom random) {
        if (random.nextDouble() < NON_ASCII_SHARE) {
            return NON_ASCII.get(random.nextInt(NON_ASCII.size()));
        }
        return FIRST.get(random.nextInt(FIRST.size())) + " " + LAST.get(random.nextInt(LAST.size()));
    }
}
