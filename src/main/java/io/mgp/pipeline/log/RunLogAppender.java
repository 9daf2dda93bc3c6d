package io.mgp.pipeline.log;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The root logger's appender for a run's log file ({@link RunLog}), named {@value #NAME} by {@link LogSetup}. While a run's
 * file is open, every line goes there. Between {@link #collect()} and the file's opening (Camel's start, the seeds
 * loading) lines are kept, up to a bound, and written first: they are in the file, not on the terminal.
 */
public final class RunLogAppender extends AppenderBase<ILoggingEvent> {

    static final String NAME = "RUN_LOG";
    private static final int MAX_KEPT = 10_000;

    private final List<ILoggingEvent> kept = new ArrayList<>();
    private boolean collecting;
    private Appender<ILoggingEvent> file;

    /** The root logger's, as {@link LogSetup} configures it; added to the root when a configuration lacks it. */
    static synchronized RunLogAppender installed() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(NAME) instanceof RunLogAppender appender) {
            return appender;
        }
        RunLogAppender appender = new RunLogAppender();
        appender.setContext(root.getLoggerContext());
        appender.setName(NAME);
        appender.start();
        root.addAppender(appender);
        return appender;
    }

    /** Keeps the lines logged from now on for the next file to open, forgetting any kept before. */
    synchronized void collect() {
        kept.clear();
        collecting = true;
    }

    /** Writes the kept lines to the file, then every later line until {@link #stopWriting()}. */
    synchronized void writeTo(Appender<ILoggingEvent> runFile) {
        kept.forEach(runFile::doAppend);
        kept.clear();
        collecting = false;
        file = runFile;
    }

    synchronized void stopWriting() {
        file = null;
    }

    /** Called under the appender's lock ({@link AppenderBase#doAppend}), as the methods above are. */
    @Override
    protected void append(ILoggingEvent event) {
        if (file != null) {
            file.doAppend(event);
        } else if (collecting && kept.size() < MAX_KEPT) {
            event.prepareForDeferredProcessing();
            kept.add(event);
        }
    }
}
