package io.mgp.pipeline.models;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A data test's {@code warn_if} or {@code error_if}: a comparison of its failing rows' count, such as {@code >0} or {@code >=100}. */
public record Threshold(String operator, long value) {

    private static final Pattern FORM = Pattern.compile("\\s*(!=|<>|>=|<=|==|=|>|<)\\s*(\\d+)\\s*");

    /** dbt's default: any failing row. */
    public static final Threshold ANY = new Threshold("!=", 0);

    /** Parses {@code >0}, {@code != 0}, {@code >=100}; null when the text is not such a comparison. */
    static Threshold parse(String text) {
        Matcher form = FORM.matcher(text);
        if (!form.matches()) {
            return null;
        }
        String operator = switch (form.group(1)) {
            case "<>" -> "!=";
            case "==" -> "=";
            default -> form.group(1);
        };
        return new Threshold(operator, Long.parseLong(form.group(2)));
    }

    public boolean matches(long failures) {
        return switch (operator) {
            case "!=" -> failures != value;
            case "=" -> failures == value;
            case ">" -> failures > value;
            case ">=" -> failures >= value;
            case "<" -> failures < value;
            default -> failures <= value;
        };
    }

    @Override
    public String toString() {
        return operator + value;
    }
}
