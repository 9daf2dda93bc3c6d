package io.mgp.pipeline.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogSetupTest {

    private final LoggerContext context = new LoggerContext();

    @BeforeEach
    void mdc() {
        // what SLF4J gives the context it starts
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    @AfterEach
    void stop() {
        context.stop();
        System.clearProperty(LogSetup.ACCESS_LOG_LEVEL);
    }

    @Test
    void theTerminalGetsTheUsersLinesAndWarningsAndTheRunLogGetsEveryLine() {
        LogSetup.apply(context);

        String terminal = stderrOf(() -> {
            context.getLogger(Console.LOGGER).info("1 of 2 OK built silver.events");
            context.getLogger("org.apache.camel.main.MainSupport").info("Apache Camel is starting");
            context.getLogger("org.apache.camel.impl.DefaultCamelContext").info("a route started");
            context.getLogger("io.mgp.pipeline.lake.BronzeWriter").warn("a batch was slow");
        });

        assertTrue(terminal.matches("(?s)\\d\\d:\\d\\d:\\d\\d  1 of 2 OK built silver\\.events\n"
                + "\\d\\d:\\d\\d:\\d\\d  WARN  BronzeWriter: a batch was slow\n"), terminal);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertTrue(root.getAppender(RunLogAppender.NAME) instanceof RunLogAppender);
        assertTrue(context.getLogger("org.apache.camel.main.MainSupport").isInfoEnabled(), "Camel's start lines reach the run's log");
        assertFalse(context.getLogger("org.apache.camel.impl.DefaultCamelContext").isInfoEnabled());
    }

    @Test
    void theAccessLogTakesItsLevelFromTheSystemPropertyAndStaysOffTheOtherAppenders() {
        System.setProperty(LogSetup.ACCESS_LOG_LEVEL, "OFF");
        LogSetup.apply(context);

        Logger access = context.getLogger(LogSetup.ACCESS_LOGGER);
        assertEquals(Level.OFF, access.getLevel());
        assertFalse(access.isAdditive());
        assertTrue(access.getAppender("ACCESS") instanceof BatchingConsoleAppender);
    }

    @Test
    void aConfigurationFileOnTheClassPathIsLeftToLogbacksOwnConfigurator() {
        // the tests' logback-test.xml is on the class path
        LogSetup setup = new LogSetup();
        setup.setContext(context);

        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, setup.configure(context));
        assertFalse(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext(), "nothing of its own was set up");
    }

    @Test
    void aConfigurationFileThatIsNotThereLeavesTheApplicationsOwnAndSaysSo() {
        System.setProperty("logback.configurationFile", "/no/such/logback.xml");
        LogSetup setup = new LogSetup();
        setup.setContext(context);
        try {
            String terminal = stderrOf(() -> assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, setup.configure(context)));

            assertTrue(terminal.endsWith("WARN  LogSetup: No logging configuration at /no/such/logback.xml"
                    + " (-Dlogback.configurationFile): the application's own is used\n"), terminal);
            assertTrue(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(RunLogAppender.NAME) instanceof RunLogAppender);
        } finally {
            System.clearProperty("logback.configurationFile");
        }
    }

    private static String stderrOf(Runnable logging) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setErr(stderr);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
