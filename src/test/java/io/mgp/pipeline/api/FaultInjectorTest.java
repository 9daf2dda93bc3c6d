package io.mgp.pipeline.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.api.FaultInjector.Decision;
import io.mgp.pipeline.api.FaultInjector.Kind;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The injector's decisions, without a server: seeded sequences, the rate limit on a fake clock, cut answers. */
class FaultInjectorTest {

    private static final String MIXED = "error=0.3,drop=0.2,malformed=0.3,jitter=10ms";
    private static final ByteBuffer ANSWER = ByteBuffer.wrap("[{\"id\":1,\"year\":2024},{\"id\":2,\"year\":2025}]".getBytes(UTF_8));

    @Test
    void sameSeedSameFaults() {
        assertEquals(sequence(MIXED + ",seed=42"), sequence(MIXED + ",seed=42"));
        assertNotEquals(sequence(MIXED + ",seed=42"), sequence(MIXED + ",seed=43"));
    }

    @Test
    void errorIsA500A502OrA503() {
        FaultInjector faults = injector("error=1", new ArrayList<>());
        Set<Integer> statuses = new TreeSet<>();
        for (int i = 0; i < 200; i++) {
            Decision decision = faults.decide();
            assertEquals(Kind.ERROR, decision.fault());
            statuses.add(decision.status());
        }
        assertEquals(Set.of(500, 502, 503), statuses);
    }

    @Test
    void throttleDropThenErrorTakePrecedence() {
        AtomicLong clock = new AtomicLong();
        FaultInjector faults = new FaultInjector(FaultSpec.parse("throttle=1,drop=1,error=1"), kind -> { }, clock::get);

        assertEquals(Kind.DROP, faults.decide().fault());
        assertEquals(Kind.THROTTLE, faults.decide().fault());
        assertEquals(Kind.ERROR, injector("error=1,malformed=1", new ArrayList<>()).decide().fault());
    }

    @Test
    void throttleLetsASecondsWorthThroughThenRefillsWithTime() {
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        List<String> injected = new ArrayList<>();
        FaultInjector faults = new FaultInjector(FaultSpec.parse("throttle=5"), injected::add, clock::get);

        for (int i = 0; i < 5; i++) {
            assertNull(faults.decide().fault(), "request " + i);
        }
        Decision throttled = faults.decide();
        assertEquals(Kind.THROTTLE, throttled.fault());
        assertEquals(429, throttled.status());
        assertEquals(1, faults.retryAfterSeconds());

        clock.addAndGet(Duration.ofMillis(200).toNanos());
        assertNull(faults.decide().fault(), "one more token after a fifth of a second");
        assertEquals(Kind.THROTTLE, faults.decide().fault());
        assertEquals(List.of("throttle", "throttle"), injected);
    }

    @Test
    void slowRateAsksToRetryAfterOneTokensTime() {
        assertEquals(4, injector("throttle=0.25", new ArrayList<>()).retryAfterSeconds());
    }

    @Test
    void delayIsLatencyPlusAtMostJitter() {
        FaultInjector faults = injector("latency=5ms,jitter=2ms,seed=1", new ArrayList<>());
        Set<Duration> delays = new TreeSet<>();
        for (int i = 0; i < 100; i++) {
            Duration delay = faults.decide().delay();
            assertTrue(delay.compareTo(Duration.ofMillis(5)) >= 0 && delay.compareTo(Duration.ofMillis(7)) <= 0, delay::toString);
            delays.add(delay);
        }
        assertTrue(delays.size() > 50, "jitter varies the delay: " + delays.size() + " distinct");
    }

    @Test
    void malformedAnswerIsAProperPrefix() {
        List<String> injected = new ArrayList<>();
        FaultInjector faults = injector("malformed=1", injected);
        for (int i = 0; i < 100; i++) {
            ByteBuffer cut = faults.malformed(ANSWER.duplicate());
            assertTrue(cut.remaining() >= 1 && cut.remaining() < ANSWER.remaining(), () -> "length " + cut.remaining());
            assertEquals(ANSWER.duplicate().limit(cut.remaining()), cut);
        }
        assertEquals(100, injected.size());
        assertTrue(injected.stream().allMatch("malformed"::equals));
    }

    @Test
    void withoutMalformedTheAnswerIsUntouched() {
        ByteBuffer answer = ANSWER.duplicate();

        assertSame(answer, injector("error=1", new ArrayList<>()).malformed(answer));
    }

    @Test
    void everyFaultIsReportedByKind() {
        List<String> injected = new ArrayList<>();
        FaultInjector faults = injector("drop=1", injected);
        faults.decide();
        faults.decide();

        assertEquals(List.of("drop", "drop"), injected);
    }

    /** Each request's decision and, when it is served, the length its answer is cut to (0 when it is not cut). */
    private static List<String> sequence(String spec) {
        FaultInjector faults = injector(spec, new ArrayList<>());
        List<String> sequence = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Decision decision = faults.decide();
            sequence.add(decision + (decision.fault() == null ? " cut to " + faults.malformed(ANSWER.duplicate()).remaining() : ""));
        }
        return sequence;
    }

    private static FaultInjector injector(String spec, List<String> injected) {
        return new FaultInjector(FaultSpec.parse(spec), injected::add);
    }
}
