package io.mgp.pipeline.log;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The application's logging, set up in code: Logback's XML configurator takes 0.1 to 0.2 s of every command's start
 * (parsing, its model, the classes behind both), this a few milliseconds. Found by Logback through
 * {@code META-INF/services}. A configuration file given with {@code -Dlogback.configurationFile}, or a
 * {@code logback.xml} or {@code logback-test.xml} on the class path, is read instead, as Logback would.
 * <p>
 * The terminal (stderr) shows what a person must read: the lines for the user ({@link Console#LOGGER}: a model built,
 * a test failed, where the API listens), the progress, warnings and errors ({@link ConsoleFilter}). Every other line
 * goes only to the run's log file ({@link RunLogAppender}), unless the command is given its verbose flag.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    /** The system property naming serve's access-log level, INFO unless set ({@code run} sets OFF). */
    public static final String ACCESS_LOG_LEVEL = "mgp.access-log";
    static final String ACCESS_LOGGER = "io.mgp.pipeline.api.access";

    /** What the libraries may say; their INFO lines are for the run's file. */
    private static final Map<String, Level> LEVELS = Map.of(
            "org.apache.camel", Level.WARN,
            // a failed crawl travels back to the command line, which reports it on one line; the API's routes handle
            // their own errors: Camel's per-exchange failure dump would only repeat it with a stack trace
            "org.apache.camel.processor.errorhandler.DefaultErrorHandler", Level.OFF,
            "org.apache.camel.main.MainSupport", Level.INFO,
            "org.apache.camel.impl.engine.AbstractCamelContext", Level.INFO,
            "io.vertx", Level.WARN,
            "io.netty", Level.WARN,
            "org.apache.hc", Level.WARN,
            // Iceberg's report of every scan and commit: half of a build's log, each made into a long string on the
            // command's thread; the run's own lines and the tables' history say what was read and written
            "org.apache.iceberg.metrics.LoggingMetricsReporter", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = LogSetup.class.getClassLoader();
        String file = System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY);
        if (file != null ? found(file, loader) : loader.getResource(ClassicConstants.TEST_AUTOCONFIG_FILE) != null
                || loader.getResource(ClassicConstants.AUTOCONFIG_FILE) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        if (file != null) {
            // Logback would fall back to its own basic set-up, every line at DEBUG on stdout, mixed with a command's output
            context.getLogger(LogSetup.class).warn("No logging configuration at {} (-D{}): the application's own is used", file,
                    ClassicConstants.CONFIG_FILE_PROPERTY);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets the application's appenders and levels on the context. */
    static void apply(LoggerContext context) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console(context, "USER_CONSOLE", true, "%d{HH:mm:ss}  %msg%n"));
        root.addAppender(console(context, "CONSOLE", false, "%d{HH:mm:ss}  %-5level %logger{0}: %msg%n"));
        RunLogAppender runLog = new RunLogAppender();
        runLog.setName(RunLogAppender.NAME);
        root.addAppender(started(context, runLog));
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        // serve's access log, one line per request: formatted on the Vert.x thread, written in batches by a thread of its own
        Logger access = context.getLogger(ACCESS_LOGGER);
        access.setLevel(Level.toLevel(System.getProperty(ACCESS_LOG_LEVEL), Level.INFO));
        access.setAdditive(false);
        BatchingConsoleAppender batching = new BatchingConsoleAppender();
        batching.setName("ACCESS");
        batching.setEncoder(encoder(context, "%d{HH:mm:ss.SSS}  %msg%n"));
        access.addAppender(started(context, batching));
    }

    /** Whether a configuration file named as Logback reads the property, a URL, a class-path resource or a path, is there. */
    private static boolean found(String file, ClassLoader loader) {
        try {
            URL url = new URL(file);
            return !"file".equals(url.getProtocol()) || Files.isRegularFile(Path.of(url.toURI()));
        } catch (MalformedURLException | URISyntaxException | IllegalArgumentException notAUrl) {
            // a resource or a path
        }
        try {
            return loader.getResource(file) != null || Files.isRegularFile(Path.of(file));
        } catch (InvalidPathException notAPath) {
            return false;
        }
    }

    private static Appender<ILoggingEvent> console(LoggerContext context, String name, boolean userLines, String pattern) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setName(name);
        console.setTarget("System.err");
        ConsoleFilter filter = new ConsoleFilter();
        filter.setContext(context);
        filter.setUserLines(userLines);
        filter.start();
        console.addFilter(filter);
        console.setEncoder(encoder(context, pattern));
        return started(context, console);
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }

    private static Appender<ILoggingEvent> started(LoggerContext context, Appender<ILoggingEvent> appender) {
        appender.setContext(context);
        appender.start();
        return appender;
    }
}
