package io.mgp.pipeline.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import io.mgp.pipeline.PipelineException;

/**
 * Which logged lines reach the terminal ({@link Console}). {@link LogSetup} puts one on each of its two console
 * appenders: the one for the user's own lines ({@code userLines} true), printed plainly, and the one for everything
 * else, which lets through warnings and errors (only errors of the Spark engine's libraries, whose warnings are about
 * the machine, not the data), or every line under {@code --verbose}. A line marked
 * {@link RunLog#FILE_ONLY}, or logged with a {@link PipelineException}, never reaches the terminal.
 */
public final class ConsoleFilter extends Filter<ILoggingEvent> {

    private boolean userLines;

    /** Whether this appender prints the user's lines, or the others. */
    public void setUserLines(boolean userLines) {
        this.userLines = userLines;
    }

    /**
     * A line logged with a {@link PipelineException} (a missing seeds file, a port in use), such as Camel's own report of
     * a failed start: the command line says it in one line of its own, without the stack trace.
     */
    private static boolean isUsersMistake(ILoggingEvent event) {
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            if (PipelineException.class.getName().equals(cause.getClassName())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (event.getMarkerList() != null && event.getMarkerList().contains(RunLog.FILE_ONLY) || isUsersMistake(event)) {
            return FilterReply.DENY;
        }
        if (Console.isForTheUser(event.getLoggerName())) {
            return userLines ? FilterReply.NEUTRAL : FilterReply.DENY;
        }
        if (userLines) {
            return FilterReply.DENY;
        }
        Level least = Console.isSparkLibrary(event.getLoggerName()) ? Level.ERROR : Level.WARN;
        return Console.isVerbose() || event.getLevel().isGreaterOrEqual(least) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
