package io.mgp.pipeline.api;

/**
 * A rate limit: on average at most {@code perSecond} requests a second, and bursts of up to a second's worth.
 * Not thread-safe; its owner calls it under a lock.
 */
final class TokenBucket {

    private final double perSecond;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    TokenBucket(double perSecond, long nowNanos) {
        this.perSecond = perSecond;
        // below one request a second, a burst is still one request
        this.capacity = Math.max(1, perSecond);
        this.tokens = capacity;
        this.refilledAt = nowNanos;
    }

    /** Takes a token if there is one: true when a request at {@code nowNanos} is within the rate. */
    boolean tryTake(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - refilledAt) * perSecond / 1e9);
        refilledAt = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** Whole seconds an empty bucket takes to hold a token again: what a 429's Retry-After says. */
    long secondsPerToken() {
        return Math.max(1, (long) Math.ceil(1 / perSecond));
    }
}
