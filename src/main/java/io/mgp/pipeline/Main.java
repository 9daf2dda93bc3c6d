package io.mgp.pipeline;

import io.mgp.pipeline.cli.Cli;

/** {@code java -jar pipeline.jar [run|serve|seed] [flags]}: see {@link Cli}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.execute(args));
    }
}
