package io.mgp.pipeline.log;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import io.mgp.pipeline.PipelineException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * A run's log file, {@code <lake>/logs/<run id>/process.log}: one JSON object per line (see {@link JsonLineEncoder})
 * for every line logged at the levels {@link LogSetup} sets, on any thread, from {@link #collect()} (as the run's
 * application is made) until the file is closed. It takes every line, not only those of threads working for the run,
 * so one run at a time per JVM, as the command line runs them.
 */
public final class RunLog implements AutoCloseable {

    /** Marks a line for the run's file only: {@link ConsoleFilter} keeps it off the console, which reports it its own way. */
    public static final Marker FILE_ONLY = MarkerFactory.getMarker("RUN_LOG_ONLY");

    private final RunLogAppender root;
    private final FileAppender<ILoggingEvent> appender;

    private RunLog(RunLogAppender root, FileAppender<ILoggingEvent> appender) {
        this.root = root;
        this.appender = appender;
    }

    /** Keeps the lines logged from now on (Camel's start among them) for the run log {@link #open} starts. */
    public static void collect() {
        RunLogAppender.installed().collect();
    }

    /** Starts writing the run's file; {@code stage} tells the run's current stage as each line is written. */
    public static RunLog open(Path lake, String runId, Supplier<String> stage) {
        Path file = file(lake, runId);
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        JsonLineEncoder encoder = new JsonLineEncoder(runId, stage);
        encoder.setContext(logback);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(logback);
        appender.setName("run-" + runId);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        if (!appender.isStarted()) {
            // logback tells why only in its status list; the lake was found writable at start, so this is rare
            throw new PipelineException("cannot write the run log " + file);
        }
        RunLogAppender root = RunLogAppender.installed();
        root.writeTo(appender);
        return new RunLog(root, appender);
    }

    /** {@code <lake>/logs/<run id>/process.log}; the appender creates the folders. */
    public static Path file(Path lake, String runId) {
        return lake.resolve("logs").resolve(runId).resolve("process.log");
    }

    @Override
    public void close() {
        root.stopWriting();
        appender.stop();
    }
}
