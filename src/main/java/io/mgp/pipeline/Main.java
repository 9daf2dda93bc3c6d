package io.mgp.pipeline;

import io.mgp.pipeline.cli.Cli;
import io.mgp.pipeline.duck.NativeLibrary;

/** {@code java -jar pipeline.jar [run|serve|seed] [flags]}: see {@link Cli}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = Cli.execute(args);
        try {
            NativeLibrary.awaitLoaded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(exitCode);
    }
}
