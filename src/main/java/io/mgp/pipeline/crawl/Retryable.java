package io.mgp.pipeline.crawl;

import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Whether a failed request is asked again: a 429 or a 5xx, no answer (timeout, dropped connection) or an answer
 * cut short, and only while attempts remain. A 4xx or an answer of the wrong shape would fail the same way again.
 */
public final class Retryable implements Predicate {

    private final int attempts;

    public Retryable(int attempts) {
        this.attempts = attempts;
    }

    @Override
    public boolean matches(Exchange exchange) {
        // Camel counts the failure at hand before it asks: 1 on the first.
        int retried = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        boolean retry = retried <= attempts && isTransient(exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        if (retry) {
            // Camel's backoff starts now; RetryAfter waits only what a Retry-After asks beyond it.
            exchange.setProperty(RetryAfter.FAILED_AT, System.nanoTime());
        }
        return retry;
    }

    private static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpOperationFailedException answer) {
                return answer.getStatusCode() == 429 || answer.getStatusCode() >= 500;
            }
            if (cause instanceof IOException || cause instanceof UnparseableAnswerException) {
                return true;
            }
        }
        return false;
    }
}
