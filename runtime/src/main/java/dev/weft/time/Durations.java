package dev.weft.time;

import java.time.Duration;
import java.util.Objects;

/** Duration to nanoseconds without overflow, for scheduling. */
final class Durations {
    private Durations() {}

    /** {@code d} in nanoseconds, saturated to the range of a long. */
    static long toNanos(Duration d, String name) {
        Objects.requireNonNull(d, name);
        try {
            return d.toNanos();
        } catch (ArithmeticException overflow) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
