package io.mgp.pipeline.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What reaches the terminal: the user's lines on their own appender, warnings and errors, and all of it when verbose. */
class ConsoleFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final ConsoleFilter userLines = filter(true);
    private final ConsoleFilter otherLines = filter(false);

    @AfterEach
    void notVerbose() {
        Console.verbose(false);
    }

    @Test
    void theUsersLinesGoToTheirAppenderOnlyAtAnyLevel() {
        for (String logger : new String[] {Console.LOGGER, Console.PROGRESS_LOGGER}) {
            assertEquals(FilterReply.NEUTRAL, userLines.decide(event(logger, Level.INFO)), logger);
            assertEquals(FilterReply.DENY, otherLines.decide(event(logger, Level.INFO)), logger);
            assertEquals(FilterReply.DENY, otherLines.decide(event(logger, Level.WARN)), logger);
        }
    }

    @Test
    void frameworkInfoStaysOffTheTerminalWhileWarningsAndErrorsShow() {
        assertEquals(FilterReply.DENY, otherLines.decide(event("org.apache.camel.main.MainSupport", Level.INFO)));
        assertEquals(FilterReply.DENY, otherLines.decide(event("io.mgp.pipeline.lake.BronzeWriter", Level.INFO)));
        assertEquals(FilterReply.NEUTRAL, otherLines.decide(event("io.mgp.pipeline.run.RunReport", Level.WARN)));
        assertEquals(FilterReply.NEUTRAL, otherLines.decide(event("org.apache.camel.Foo", Level.ERROR)));
        assertEquals(FilterReply.DENY, userLines.decide(event("io.mgp.pipeline.run.RunReport", Level.WARN)),
                "printed once, by the other appender");
    }

    @Test
    void verboseBringsEveryInfoLineBack() {
        Console.verbose(true);
        assertEquals(FilterReply.NEUTRAL, otherLines.decide(event("org.apache.camel.main.MainSupport", Level.INFO)));
        assertEquals(FilterReply.NEUTRAL, userLines.decide(event(Console.LOGGER, Level.INFO)));
    }

    @Test
    void aLineForTheRunLogOnlyNeverReachesTheTerminal() {
        Console.verbose(true);
        LoggingEvent failure = event("io.mgp.pipeline.cli.CamelApp", Level.ERROR);
        failure.addMarker(RunLog.FILE_ONLY);
        assertEquals(FilterReply.DENY, otherLines.decide(failure));
        assertEquals(FilterReply.DENY, userLines.decide(failure));
    }

    private LoggingEvent event(String logger, Level level) {
        Logger named = context.getLogger(logger);
        return new LoggingEvent(getClass().getName(), named, level, "a line", null, null);
    }

    private static ConsoleFilter filter(boolean userLines) {
        ConsoleFilter filter = new ConsoleFilter();
        filter.setUserLines(userLines);
        filter.start();
        return filter;
    }
}
