package io.mgp.pipeline.run;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.mgp.pipeline.log.Console;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.util.TimeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a run's {@link Progress} while the run lasts ({@code mgp.progress}): on a terminal, one line on stderr
 * rewritten in place a few times a second; elsewhere (CI, a pipe, a file), a log line every
 * {@code mgp.progress.interval}, which also goes to the run's log. Closing it stops it and clears the line, so what
 * is printed next starts on a clean line.
 */
public final class ProgressDisplay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Console.PROGRESS_LOGGER);
    private static final long LIVE_REFRESH_MILLIS = 250;
    private static final long SAMPLE_MILLIS = 1000;

    private final Runnable stop;

    private ProgressDisplay(Runnable stop) {
        this.stop = stop;
    }

    /**
     * Starts showing the progress bound in the context as {@link Progress#BEAN}, unless mgp.progress is false; even
     * then it is sampled, so the rates the pipeline's MBean tells are those of the last few seconds.
     */
    public static ProgressDisplay start(CamelContext context) {
        Progress progress = context.getRegistry().lookupByNameAndType(Progress.BEAN, Progress.class);
        // the first figures' rates then cover the time since the run started
        progress.snapshot();
        ExecutorServiceManager executors = context.getExecutorServiceManager();
        ScheduledExecutorService ticker = executors.newSingleThreadScheduledExecutor(ProgressDisplay.class, "progress");
        if (!Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{mgp.progress}}"))) {
            ticker.scheduleAtFixedRate(progress::snapshot, SAMPLE_MILLIS, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
            return new ProgressDisplay(() -> executors.shutdownNow(ticker));
        }
        if (StatusLine.stderrIsTerminal()) {
            StatusLine line = StatusLine.install();
            ticker.scheduleAtFixedRate(() -> line.show(progress.snapshot().line()),
                    0, LIVE_REFRESH_MILLIS, TimeUnit.MILLISECONDS);
            return new ProgressDisplay(() -> {
                executors.shutdownNow(ticker);
                line.remove();
            });
        }
        long interval = TimeUtils.toMilliSeconds(context.resolvePropertyPlaceholders("{{mgp.progress.interval}}"));
        ticker.scheduleAtFixedRate(() -> LOG.info("{}", progress.snapshot().line()),
                interval, interval, TimeUnit.MILLISECONDS);
        return new ProgressDisplay(() -> executors.shutdownNow(ticker));
    }

    @Override
    public void close() {
        stop.run();
    }
}
