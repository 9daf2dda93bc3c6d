package io.mgp.pipeline.cli;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.seed.SeedCounts;
import io.mgp.pipeline.seed.SeedGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Write generated seed parquet files shaped like the real MotoGP data; the same flags give the same bytes.")
final class SeedCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Mixin
    private ConsoleOptions console;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "seeds", description = "Folder to write to (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--scale", paramLabel = "F", defaultValue = "1", description = "Size relative to the real data: 1 ≈ 199k results, 10 ≈ 2M (default: ${DEFAULT-VALUE}).")
    private double scale;

    @Option(names = "--random-seed", paramLabel = "N", defaultValue = "42", description = "Seed of the random generator (default: ${DEFAULT-VALUE}).")
    private long randomSeed;

    @Override
    public Integer call() {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new ParameterException(command.commandLine(), "--scale must be a number above 0, got " + scale);
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new PipelineException("cannot write seeds to " + out + ": " + PipelineException.reason(e), e);
        }
        long start = System.nanoTime();
        SeedCounts counts = new SeedGenerator(scale, randomSeed).write(out);
        command.commandLine().getOut().printf(
                "Wrote seeds to %s in %d ms: %,d seasons, %,d events, %,d categories, %,d sessions, %,d classifications"
                        + " (a full crawl makes %,d requests)%n",
                out.toAbsolutePath(), (System.nanoTime() - start) / 1_000_000, counts.seasons(), counts.events(),
                counts.categories(), counts.sessions(), counts.classifications(), counts.requests());
        return 0;
    }
}
