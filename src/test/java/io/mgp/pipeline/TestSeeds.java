package io.mgp.pipeline;

import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.seed.SeedGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Seeds for tests: small generated ones, made once per test JVM, and the real MotoGP data when it is beside the repo. */
public final class TestSeeds {

    /** Scale of the small seeds: a few hundred requests, a few thousand results. */
    public static final double SMALL_SCALE = 0.02;

    private static Path small;
    private static Path otherSmall;

    private TestSeeds() {
    }

    public static synchronized Path small() {
        if (small == null) {
            small = generate(7);
        }
        return small;
    }

    /** Small seeds with other ids and rows than {@link #small()}: the source after it changed. */
    public static synchronized Path otherSmall() {
        if (otherSmall == null) {
            otherSmall = generate(8);
        }
        return otherSmall;
    }

    private static Path generate(long randomSeed) {
        try {
            Path folder = Files.createTempDirectory("mgp-seeds-");
            // Shared by every test of the JVM, so deleted only when it exits.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder)));
            new SeedGenerator(SMALL_SCALE, randomSeed).write(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            Lake.deleteTree(folder);
        } catch (IOException e) {
            // the temp folder's owner cleans up what is left
        }
    }

    /** {@code ../shared/seeds/motogp}, the real dataset, when present. */
    public static Optional<Path> real() {
        Path real = Path.of("..", "shared", "seeds", "motogp").toAbsolutePath().normalize();
        return Files.isRegularFile(real.resolve("classifications.parquet")) ? Optional.of(real) : Optional.empty();
    }
}
