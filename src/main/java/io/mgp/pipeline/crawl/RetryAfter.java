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

    private final Duration cap;

    public RetryAfter(Duration cap) {
        this.cap = cap;
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        Exception failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure instanceof HttpOperationFailedException answer && answer.getStatusCode() == 429) {
            long waited = exchange.getIn().getHeader(Exchange.REDELIVERY_DELAY, 0L, Long.class);
            long wait = Math.min(seconds(retryAfter(answer)) * 1000, cap.toMillis()) - waited;
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }
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
