package dev.weft.processor.select;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's duration notation ({@code "1m30s"}, {@code "50ms"}), integers only, read at compile time. */
final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {}

    /** The duration in nanoseconds, or -1 when {@code text} is empty, malformed or too long for a long. */
    static long parseNanos(String text) {
        Matcher m = PART.matcher(text);
        long total = 0;
        int at = 0;
        while (at < text.length() && m.find(at) && m.start() == at) {
            try {
                total = Math.addExact(total, Math.multiplyExact(Long.parseLong(m.group(1)), unitNanos(m.group(2))));
            } catch (ArithmeticException | NumberFormatException tooLong) {
                return -1;
            }
            at = m.end();
        }
        return at == text.length() && at > 0 ? total : -1;
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new AssertionError("unreachable: unit " + unit);
        };
    }
}
