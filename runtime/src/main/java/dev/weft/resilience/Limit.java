package dev.weft.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * A rate of events per second: Go's {@code rate.Limit}. {@link #INF} allows every event,
 * whatever the burst; {@link #ZERO} allows none beyond the initial burst.
 *
 * <pre>{@code
 * Limit tenPerSecond = Limit.of(10);                     // Go: rate.Limit(10)
 * Limit onePer200ms = Limit.every(Duration.ofMillis(200)); // rate.Every(200 * time.Millisecond)
 * }</pre>
 *
 * @param perSecond events per second; non-negative, not NaN; positive infinity is {@link #INF}
 */
public record Limit(double perSecond) {
    /** The infinite rate: Go's {@code rate.Inf}. */
    public static final Limit INF = new Limit(Double.POSITIVE_INFINITY);
    /** No refill at all. */
    public static final Limit ZERO = new Limit(0);

    private static final double NANOS_PER_SECOND = 1e9;

    /**
     * @throws IllegalArgumentException if {@code perSecond} is negative or NaN
     */
    public Limit {
        if (Double.isNaN(perSecond) || perSecond < 0) {
            throw new IllegalArgumentException("rate limit must be non-negative: " + perSecond);
        }
    }

    /** {@code perSecond} events per second. */
    public static Limit of(double perSecond) {
        return new Limit(perSecond);
    }

    /**
     * One event every {@code interval}: Go's {@code rate.Every}. A zero or negative interval is
     * the infinite rate, as in Go.
     */
    public static Limit every(Duration interval) {
        Objects.requireNonNull(interval, "interval must not be null");
        if (interval.isZero() || interval.isNegative()) {
            return INF;
        }
        return new Limit(1 / (interval.getSeconds() + interval.getNano() / NANOS_PER_SECOND));
    }

    /** True for {@link #INF}. */
    public boolean isInfinite() {
        return perSecond == Double.POSITIVE_INFINITY;
    }

    /** Tokens accrued over {@code nanos} (non-negative). */
    double tokensFromNanos(long nanos) {
        if (perSecond <= 0 || nanos <= 0) {
            return 0;
        }
        return nanos / NANOS_PER_SECOND * perSecond;
    }

    /**
     * Nanoseconds needed to accrue {@code tokens}; {@link RateLimiter#INF_NANOS} when never
     * (zero rate) or too long to represent.
     */
    long nanosFromTokens(double tokens) {
        if (perSecond <= 0) {
            return RateLimiter.INF_NANOS;
        }
        double nanos = tokens / perSecond * NANOS_PER_SECOND;
        if (nanos >= (double) Long.MAX_VALUE) {
            return RateLimiter.INF_NANOS;
        }
        return (long) nanos;
    }

    @Override
    public String toString() {
        return isInfinite() ? "Limit.INF" : perSecond + "/s";
    }
}
