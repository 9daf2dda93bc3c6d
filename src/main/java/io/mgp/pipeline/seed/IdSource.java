package io.mgp.pipeline.seed;

import java.util.SplittableRandom;
import java.util.UUID;

/** Random-looking version 4 UUIDs, like the real API's ids, but reproducible from the seed. */
final class IdSource {

    private final SplittableRandom random;

    IdSource(SplittableRandom random) {
        this.random = random;
    }

    String next() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
