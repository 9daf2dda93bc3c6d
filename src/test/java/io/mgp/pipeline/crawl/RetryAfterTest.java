package io.mgp.pipeline.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * A throttled API is asked again no sooner than its Retry-After, counted from the failure: what Camel's backoff has
 * already waited is not waited again.
 */
class RetryAfterTest {

    private static final long MS = 1_000_000;

    private final RetryAfter retryAfter = new RetryAfter(Duration.ofSeconds(5));

    @Test
    void aRetryAfterLongerThanTheBackoffIsWaitedOutLessWhatTheBackoffWaited() {
        assertEquals(1_500, retryAfter.remainingMillis(failedWith(429, "2", 0), 500 * MS));
    }

    @Test
    void aBackoffLongerThanTheRetryAfterLeavesNothingToWait() {
        assertEquals(0, retryAfter.remainingMillis(failedWith(429, "1", 0), 1_200 * MS));
    }

    @Test
    void aRetryAfterAboveTheLongestDelayIsCutToIt() {
        assertEquals(5_000, retryAfter.remainingMillis(failedWith(429, "60", 0), 0));
    }

    @Test
    void anotherFailureWaitsOnlyTheBackoff() {
        assertEquals(0, retryAfter.remainingMillis(failedWith(503, "2", 0), 0));
    }

    private static Exchange failedWith(int status, String retryAfterSeconds, long failedAtNanos) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setException(new HttpOperationFailedException("http://127.0.0.1/classification", status, "",
                null, Map.of("Retry-After", retryAfterSeconds), "[]"));
        exchange.setProperty(RetryAfter.FAILED_AT, failedAtNanos);
        return exchange;
    }
}
