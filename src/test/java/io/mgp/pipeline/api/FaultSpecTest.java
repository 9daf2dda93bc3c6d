package io.mgp.pipeline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FaultSpecTest {

    @Test
    void parsesEveryKey() {
        FaultSpec spec = FaultSpec.parse("error=0.1,throttle=2000,malformed=0.01,drop=0.01,latency=5ms,jitter=20ms,seed=42");

        assertEquals(new FaultSpec(0.1, 2000, 0.01, 0.01, Duration.ofMillis(5), Duration.ofMillis(20), OptionalLong.of(42)),
                spec);
        assertFalse(spec.isOff());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void blankIsNoFault(String blank) {
        assertSame(FaultSpec.NONE, FaultSpec.parse(blank));
        assertSame(FaultSpec.NONE, FaultSpec.parse(null));
        assertTrue(FaultSpec.NONE.isOff());
    }

    @Test
    void spacesAroundKeysAndValuesAreAllowed() {
        assertEquals(FaultSpec.parse("error=0.5,latency=1s"), FaultSpec.parse(" error = 0.5 , latency= 1s "));
    }

    @Test
    void durationsTakeMillisecondsOrSecondsWithFractions() {
        assertEquals(Duration.ofMillis(1500), FaultSpec.parse("latency=1.5s").latency());
        assertEquals(Duration.ofNanos(250_000), FaultSpec.parse("jitter=0.25ms").jitter());
        assertEquals(Duration.ZERO, FaultSpec.parse("latency=0ms").latency());
    }

    @Test
    void aSeedAloneInjectsNothing() {
        assertTrue(FaultSpec.parse("seed=7").isOff());
        assertFalse(FaultSpec.parse("latency=1ms").isOff());
        assertFalse(FaultSpec.parse("throttle=1").isOff());
    }

    @ParameterizedTest
    @ValueSource(strings = {"error=0.1,throttle=2000,malformed=0.01,drop=0.01,latency=5ms,jitter=20ms,seed=42",
        "drop=1", "throttle=0.5,jitter=0.25ms", "latency=1500ms,seed=-3"})
    void printsAsItIsWritten(String text) {
        FaultSpec spec = FaultSpec.parse(text);

        assertEquals(text, spec.toString());
        assertEquals(spec, FaultSpec.parse(spec.toString()));
    }

    @Test
    void noFaultPrintsAsNone() {
        assertEquals("none", FaultSpec.NONE.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "bogus=1              | unknown fault 'bogus' (known: error, throttle, malformed, drop, latency, jitter, seed)",
        "Error=0.1            | unknown fault 'Error'",
        "error                | expected key=value, got 'error'",
        "error=0.1,           | expected key=value, got ''",
        "error=0.1,,drop=0.1  | expected key=value, got ''",
        "error=0.1,error=0.2  | error is given twice",
        "error=1.5            | error must be a probability from 0 to 1, got '1.5'",
        "error=-0.1           | error must be a probability from 0 to 1, got '-0.1'",
        "error=               | error must be a probability from 0 to 1, got ''",
        "malformed=NaN        | malformed must be a probability from 0 to 1, got 'NaN'",
        "drop=1d              | drop must be a probability from 0 to 1, got '1d'",
        "drop=half            | drop must be a probability from 0 to 1, got 'half'",
        "throttle=0           | throttle must be a number of requests per second above 0, got '0'",
        "throttle=-5          | throttle must be a number of requests per second above 0, got '-5'",
        "throttle=fast        | throttle must be a number of requests per second above 0, got 'fast'",
        "throttle=Infinity    | throttle must be a number of requests per second above 0, got 'Infinity'",
        "latency=5            | latency must be a duration such as 5ms or 1s, got '5'",
        "latency=-5ms         | latency must be a duration such as 5ms or 1s, got '-5ms'",
        "latency=5m           | latency must be a duration such as 5ms or 1s, got '5m'",
        "jitter=1e3ms         | jitter must be a duration such as 5ms or 1s, got '1e3ms'",
        "jitter=99999999999999999999s | jitter must be a duration such as 5ms or 1s, got '99999999999999999999s'",
        "seed=x               | seed must be a whole number, got 'x'",
        "seed=1.5             | seed must be a whole number, got '1.5'",
    })
    void badSpecIsRefusedNamingWhatIsWrong(String spec, String message) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse(spec));

        assertTrue(error.getMessage().startsWith(message), () -> spec + ": " + error.getMessage());
    }
}
