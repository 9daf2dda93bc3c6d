package io.mgp.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The API's access-log lines while it is open, whatever level the tests' logging configuration gives that logger. */
public final class AccessLogLines implements AutoCloseable {

    private final Logger access = (Logger) LoggerFactory.getLogger("io.mgp.pipeline.api.access");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Level level = access.getLevel();

    public AccessLogLines() {
        lines.start();
        access.addAppender(lines);
        access.setLevel(Level.INFO);
    }

    /** The messages logged so far (and kept once closed). */
    public List<String> messages() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Waits up to 5 s for a line containing the text: the line is written when the answer ends. */
    public void await(String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (messages().stream().noneMatch(line -> line.contains(text))) {
            assertTrue(System.nanoTime() < deadline, () -> "no access line with '" + text + "' in " + messages());
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        access.setLevel(level);
        access.detachAppender(lines);
    }
}
