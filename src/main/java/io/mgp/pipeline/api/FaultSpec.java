package io.mgp.pipeline.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the emulated API misbehaves on purpose ({@code --faults}, {@code mgp.faults}), parsed and checked from a spec
 * such as {@code error=0.1,throttle=2000,malformed=0.01,drop=0.01,latency=5ms,jitter=20ms,seed=42}.
 *
 * @param error     probability that a request is answered 500, 502 or 503
 * @param throttle  requests per second above which requests are answered 429; 0 means no limit
 * @param malformed probability that a 200 answer is cut short
 * @param drop      probability that the connection is closed without an answer
 * @param latency   added to every answer
 * @param jitter    the most a uniformly random extra delay adds to every answer
 * @param seed      makes the faults repeat for the same requests in the same order; empty, they differ every time
 */
public record FaultSpec(double error, double throttle, double malformed, double drop, Duration latency,
                        Duration jitter, OptionalLong seed) {

    /** No fault: the API answers as it always does. */
    public static final FaultSpec NONE = new FaultSpec(0, 0, 0, 0, Duration.ZERO, Duration.ZERO, OptionalLong.empty());

    private static final List<String> KEYS = List.of("error", "throttle", "malformed", "drop", "latency", "jitter", "seed");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s)");
    private static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000);

    /** Parses a spec; blank means {@link #NONE}. Throws an IllegalArgumentException naming what is wrong. */
    public static FaultSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        Map<String, String> values = new HashMap<>();
        for (String item : spec.split(",", -1)) {
            int equals = item.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("expected key=value, got '" + item.strip() + "'");
            }
            String key = item.substring(0, equals).strip();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown fault '" + key + "' (known: " + String.join(", ", KEYS) + ")");
            }
            if (values.put(key, item.substring(equals + 1).strip()) != null) {
                throw new IllegalArgumentException(key + " is given twice");
            }
        }
        return new FaultSpec(probability("error", values), rate("throttle", values), probability("malformed", values),
                probability("drop", values), duration("latency", values), duration("jitter", values), seed(values));
    }

    /** True when the API answers as usual: no fault and no delay, whatever the seed. */
    public boolean isOff() {
        return error == 0 && throttle == 0 && malformed == 0 && drop == 0 && latency.isZero() && jitter.isZero();
    }

    /** The spec as it would be written, with only what differs from no fault. */
    @Override
    public String toString() {
        StringJoiner spec = new StringJoiner(",");
        addIf(spec, error > 0, "error", plain(error));
        addIf(spec, throttle > 0, "throttle", plain(throttle));
        addIf(spec, malformed > 0, "malformed", plain(malformed));
        addIf(spec, drop > 0, "drop", plain(drop));
        addIf(spec, !latency.isZero(), "latency", millis(latency));
        addIf(spec, !jitter.isZero(), "jitter", millis(jitter));
        seed.ifPresent(value -> spec.add("seed=" + value));
        return spec.length() == 0 ? "none" : spec.toString();
    }

    private static double probability(String key, Map<String, String> values) {
        String text = values.get(key);
        if (text == null) {
            return 0;
        }
        BigDecimal value = decimal(text);
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(key + " must be a probability from 0 to 1, got '" + text + "'");
        }
        return value.doubleValue();
    }

    private static double rate(String key, Map<String, String> values) {
        String text = values.get(key);
        if (text == null) {
            return 0;
        }
        BigDecimal value = decimal(text);
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(key + " must be a number of requests per second above 0, got '" + text + "'");
        }
        return value.doubleValue();
    }

    private static Duration duration(String key, Map<String, String> values) {
        String text = values.get(key);
        if (text == null) {
            return Duration.ZERO;
        }
        Matcher matcher = DURATION.matcher(text);
        try {
            if (matcher.matches()) {
                BigDecimal unit = "ms".equals(matcher.group(2)) ? NANOS_PER_MILLI : NANOS_PER_SECOND;
                return Duration.ofNanos(new BigDecimal(matcher.group(1)).multiply(unit).toBigInteger().longValueExact());
            }
        } catch (ArithmeticException tooLong) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(key + " must be a duration such as 5ms or 1s, got '" + text + "'");
    }

    private static OptionalLong seed(Map<String, String> values) {
        String text = values.get("seed");
        if (text == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed must be a whole number, got '" + text + "'");
        }
    }

    /** A plain decimal number: no NaN, Infinity or Java's 1d and 0x1p3, which Double.parseDouble would take. */
    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void addIf(StringJoiner spec, boolean present, String key, String value) {
        if (present) {
            spec.add(key + "=" + value);
        }
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String millis(Duration duration) {
        return new BigDecimal(duration.toNanos()).divide(NANOS_PER_MILLI).stripTrailingZeros().toPlainString() + "ms";
    }
}
