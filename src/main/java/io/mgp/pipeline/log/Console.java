package io.mgp.pipeline.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person at the terminal reads while a command runs: the lines logged to {@link #LOGGER} (a model built, a
 * test failed, where the API listens), the progress, warnings and errors. Everything else logged at INFO (Camel's
 * start and stop, stage lines, bronze batches) goes only to the run's log file, unless the command was given
 * {@code --verbose}. {@link LogSetup} applies it through {@link ConsoleFilter}.
 */
public final class Console {

    /** The logger of the lines meant for the user, shown on the terminal and kept in the run's log. */
    public static final String LOGGER = "io.mgp.pipeline.console";
    /** The progress line, logged every few seconds when stderr is not a terminal. */
    public static final String PROGRESS_LOGGER = "io.mgp.pipeline.progress";

    private static volatile boolean verbose;

    private Console() {
    }

    /** The logger for lines the user reads. */
    public static Logger lines() {
        return LoggerFactory.getLogger(LOGGER);
    }

    /** {@code --verbose}: every line logged at INFO and above goes to the terminal too. */
    public static void verbose(boolean on) {
        verbose = on;
    }

    public static boolean isVerbose() {
        return verbose;
    }

    /** Whether lines of this logger come from the Spark engine's libraries (Spark, and Hadoop under it). */
    static boolean isSparkLibrary(String logger) {
        return logger.startsWith("org.apache.spark.") || logger.startsWith("org.apache.hadoop.");
    }

    /** Whether lines of this logger are for the user, whatever their level. */
    static boolean isForTheUser(String logger) {
        return LOGGER.equals(logger) || PROGRESS_LOGGER.equals(logger);
    }
}
