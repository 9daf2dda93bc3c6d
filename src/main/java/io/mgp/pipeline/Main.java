package io.mgp.pipeline;

import io.mgp.pipeline.cli.Cli;
import io.mgp.pipeline.duck.DuckDbWarmUp;
import io.mgp.pipeline.launch.JvmLauncher;
import java.util.OptionalInt;

/** {@code java -jar pipeline.jar [run|serve|seed] [flags]}: see {@link Cli}; a run goes to a tuned JVM, see {@link JvmLauncher}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        OptionalInt launched;
        try {
            launched = JvmLauncher.runInTunedJvm(args);
        } catch (IllegalStateException e) {
            System.err.println(Cli.NAME + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        if (launched.isPresent()) {
            System.exit(launched.getAsInt());
        }
        JvmLauncher.exitWithLauncher();
        if (!JvmLauncher.asksForHelp(args)) {
            DuckDbWarmUp.startInBackground();
        }
        int exitCode = Cli.execute(args);
        try {
            DuckDbWarmUp.awaitDone();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(exitCode);
    }
}
