package io.mgp.pipeline.log;

import ch.qos.logback.classic.Logger;
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
 * for every line logged while it is open, at the levels logback.xml sets, on any thread. It takes every line, not only
 * those of threads working for the run, so one run at a time per JVM, as the command line runs them.
 */
public final class RunLog implements AutoCloseable {

    /** Marks a line for the run's file only: logback.xml keeps it off the console, which reports it its own way. */
    public static final Marker FILE_ONLY = MarkerFactory.getMarker("RUN_LOG_ONLY");

    private final Logger root;
    private final FileAppender<ILoggingEvent> appender;

    private RunLog(Logger root, FileAppender<ILoggingEvent> appender) {
        this.root = root;
        this.appender = appender;
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
        Logger root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        return new RunLog(root, appender);
    }

    /** {@code <lake>/logs/<run id>/process.log}; the appender creates the folders. */
    public static Path file(Path lake, String runId) {
        return lake.resolve("logs").resolve(runId).resolve("process.log");
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
