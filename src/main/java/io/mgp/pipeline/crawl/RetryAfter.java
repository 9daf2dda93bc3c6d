package io.mgp.pipeline.crawl;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Before a retry, waits out what a 429 answer's {@code Retry-After} asks beyond the backoff already waited:
 * a throttled API is then asked again no sooner than it said. Capped, so a server cannot stall the crawl.
 */
public final class RetryAfter implements Processor {

    /** When the failure being retried was judged retryable (System.nanoTime), set by {@link Retryable}. */
    static final String FAILED_AT = "mgp.failedAt";

    private final Duration cap;

    public RetryAfter(Duration cap) {
        this.cap = cap;
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        long wait = remainingMillis(exchange, System.nanoTime());
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    /**
     * What is left to wait at {@code now} (System.nanoTime): a 429's Retry-After (capped) less the time since the
     * failure, which Camel's backoff has just spent; 0 for any other failure.
     */
    long remainingMillis(Exchange exchange, long now) {
        Exception failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (!(failure instanceof HttpOperationFailedException answer) || answer.getStatusCode() != 429) {
            return 0;
        }
        long asked = Math.min(seconds(retryAfter(answer)) * 1000, cap.toMillis());
        long waited = (now - exchange.getProperty(FAILED_AT, now, Long.class)) / 1_000_000;
        return Math.max(0, asked - waited);
    }

    /** The header, however the server cased it. */
    private static String retryAfter(HttpOperationFailedException answer) {
        return answer.getResponseHeaders().entrySet().stream()
                .filter(header -> "Retry-After".equalsIgnoreCase(header.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** Retry-After in seconds; an HTTP date or anything unreadable counts as one second. */
    private static long seconds(String retryAfter) {
        try {
            return retryAfter == null ? 0 : Math.max(0, Long.parseLong(retryAfter.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
