package io.mgp.pipeline.api;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Decides, request by request, which fault of its {@link FaultSpec} the emulated API injects, and reports each one.
 * Decisions come from seeded random sequences under one lock, so with a seed the same requests in the same order
 * meet the same faults. Throttling follows the clock rather than the sequence.
 */
public final class FaultInjector {

    /** The name the routes of api.yaml find it by. */
    public static final String BEAN = "apiFaults";

    /** A kind of fault, as counted in the metrics. */
    enum Kind {
        THROTTLE, DROP, ERROR, MALFORMED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The kinds of fault, as the metrics label them. */
    public static List<String> kinds() {
        return Arrays.stream(Kind.values()).map(Kind::label).toList();
    }

    /**
     * What happens to one request to a data endpoint: after {@code delay}, the fault (with its status), or, when
     * {@code fault} is null, the usual answer.
     */
    record Decision(Kind fault, int status, Duration delay) {
    }

    private static final int[] ERROR_STATUSES = {500, 502, 503};

    private final FaultSpec spec;
    private final Consumer<String> injected;
    private final LongSupplier nanoClock;
    // SplittableRandom rather than Random: with Random, small seeds (1, 2, 3) start with nearly the same numbers
    private final SplittableRandom arrivals;
    // A sequence of its own, drawn only for the answers that are served, so that it does not shift the arrivals'
    private final SplittableRandom answers;
    private final TokenBucket rateLimit;

    /** {@code injected} is told the kind ({@code error}, {@code throttle}, ...) of every fault injected. */
    public FaultInjector(FaultSpec spec, Consumer<String> injected) {
        this(spec, injected, System::nanoTime);
    }

    FaultInjector(FaultSpec spec, Consumer<String> injected, LongSupplier nanoClock) {
        this.spec = spec;
        this.injected = injected;
        this.nanoClock = nanoClock;
        this.arrivals = spec.seed().isPresent() ? new SplittableRandom(spec.seed().getAsLong()) : new SplittableRandom();
        this.answers = arrivals.split();
        this.rateLimit = spec.throttle() > 0 ? new TokenBucket(spec.throttle(), nanoClock.getAsLong()) : null;
    }

    public FaultSpec spec() {
        return spec;
    }

    /** Decides what happens to a request that just reached a data endpoint: throttle, drop, error, or none. */
    Decision decide() {
        Decision decision;
        synchronized (this) {
            // Every arrival draws the same numbers whatever befalls it, so that one request's fault (a throttle,
            // which follows the clock) does not shift the draws, and so the faults, of the requests after it.
            boolean throttled = rateLimit != null && !rateLimit.tryTake(nanoClock.getAsLong());
            boolean drop = arrivals.nextDouble() < spec.drop();
            boolean error = arrivals.nextDouble() < spec.error();
            int errorStatus = ERROR_STATUSES[arrivals.nextInt(ERROR_STATUSES.length)];
            long jitter = spec.jitter().isZero() ? 0 : arrivals.nextLong(spec.jitter().toNanos() + 1);
            Duration delay = spec.latency().plusNanos(jitter);
            if (throttled) {
                decision = new Decision(Kind.THROTTLE, 429, delay);
            } else if (drop) {
                decision = new Decision(Kind.DROP, 0, delay);
            } else if (error) {
                decision = new Decision(Kind.ERROR, errorStatus, delay);
            } else {
                decision = new Decision(null, 200, delay);
            }
        }
        if (decision.fault() != null) {
            injected.accept(decision.fault().label());
        }
        return decision;
    }

    /** The Retry-After of a throttled request, in seconds. */
    long retryAfterSeconds() {
        return rateLimit.secondsPerToken();
    }

    /**
     * A step of api.yaml: with the malformed probability, the answer is cut short anywhere after its first byte and
     * before its last, so that it no longer parses (a JSON array missing its end never does).
     */
    public ByteBuffer malformed(ByteBuffer answer) {
        if (spec.malformed() == 0 || answer.remaining() < 2) {
            return answer;
        }
        int length;
        synchronized (this) {
            if (answers.nextDouble() >= spec.malformed()) {
                return answer;
            }
            length = 1 + answers.nextInt(answer.remaining() - 1);
        }
        injected.accept(Kind.MALFORMED.label());
        return answer.slice(answer.position(), length);
    }
}
