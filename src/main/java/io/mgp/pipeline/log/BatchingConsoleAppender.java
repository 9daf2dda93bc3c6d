package io.mgp.pipeline.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A console appender for many lines a second, such as serve's access log: the logging thread (a Vert.x event loop)
 * only formats its line and adds it to a buffer; a writer thread writes what the buffer holds every
 * {@value #WRITE_INTERVAL_MILLIS} ms, in one write to stderr. The logging thread never waits for the terminal and
 * never wakes the writer (a wake-up per line would cost more than the line). Lines arriving while more than
 * {@value #MAX_PENDING_BYTES} bytes wait to be written are dropped, and the writer says how many.
 */
public final class BatchingConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private static final int MAX_PENDING_BYTES = 4 << 20;
    private static final long WRITE_INTERVAL_MILLIS = 50;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopped = lock.newCondition();
    private ByteArrayOutputStream pending = new ByteArrayOutputStream(1 << 16);
    private ByteArrayOutputStream writing = new ByteArrayOutputStream(1 << 16);
    private long dropped;
    private Encoder<ILoggingEvent> encoder;
    private Thread writer;

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("No encoder for the appender " + name);
            return;
        }
        super.start();
        writer = new Thread(this::writeLines, "log-" + name);
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void stop() {
        super.stop();
        lock.lock();
        try {
            stopped.signal();
        } finally {
            lock.unlock();
        }
        try {
            writer.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        byte[] line = encoder.encode(event);
        lock.lock();
        try {
            if (pending.size() > MAX_PENDING_BYTES) {
                dropped++;
                return;
            }
            pending.writeBytes(line);
        } finally {
            lock.unlock();
        }
    }

    /** The writer thread: every interval, swaps the buffers and writes outside the lock; at stop, writes what is left. */
    private void writeLines() {
        boolean last = false;
        while (!last) {
            long droppedNow;
            lock.lock();
            try {
                if (isStarted()) {
                    stopped.awaitNanos(TimeUnit.MILLISECONDS.toNanos(WRITE_INTERVAL_MILLIS));
                }
                last = !isStarted();
                ByteArrayOutputStream full = pending;
                pending = writing;
                writing = full;
                droppedNow = dropped;
                dropped = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            if (writing.size() == 0 && droppedNow == 0) {
                continue;
            }
            if (droppedNow > 0) {
                writing.writeBytes(("(" + droppedNow + " lines dropped: the terminal did not keep up)\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            // System.err as it is now: a run's status line may have taken its place
            PrintStream err = System.err;
            err.write(writing.toByteArray(), 0, writing.size());
            err.flush();
            writing.reset();
        }
    }
}
