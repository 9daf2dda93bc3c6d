package io.mgp.pipeline.cli;

import io.mgp.pipeline.log.Console;
import picocli.CommandLine.Option;

/** {@code --verbose}, shared by the commands: every INFO line on the terminal too, not only in the run's log. */
final class ConsoleOptions {

    @Option(names = {"-v", "--verbose"},
            description = "Show every log line at INFO on the terminal too (Camel's start and stop, stages, bronze batches).")
    void verbose(boolean on) {
        Console.verbose(on);
    }
}
