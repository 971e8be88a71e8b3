package dev.weft.resilience;

import java.time.Duration;

/**
 * Tokens taken from a {@link RateLimiter} ahead of time, and when the event may happen: Go's
 * {@code rate.Reservation}.
 *
 * <pre>{@code
 * Reservation r = limiter.reserve();
 * if (r.ok() && r.delay().compareTo(budget) <= 0) {
 *     Thread.sleep(r.delay());
 *     send(message);
 * } else {
 *     r.cancel();                       // hand the tokens back to the others
 * }
 * }</pre>
 *
 * <p>Thread-safe: the state it changes is the limiter's, under the limiter's lock.
 */
public final class Reservation {
    private final RateLimiter limiter;
    private final boolean ok;
    final int tokens;
    final long timeToAct;
    /** The rate when this was made; it may change later. */
    final Limit limit;
    /** Guarded by the limiter's lock. */
    boolean cancelled;

    Reservation(RateLimiter limiter, boolean ok, int tokens, long timeToAct, Limit limit) {
        this.limiter = limiter;
        this.ok = ok;
        this.tokens = tokens;
        this.timeToAct = timeToAct;
        this.limit = limit;
    }

    /**
     * Whether the limiter can provide the tokens: false when more were asked than the burst, or
     * when they could never come (zero rate), or past the limit of a wait.
     */
    public boolean ok() {
        return ok;
    }

    /** {@code delayFrom(limiter.clock().nanoTime())}. */
    public Duration delay() {
        return delayFrom(limiter.clock().nanoTime());
    }

    /**
     * How long, from {@code now}, to wait before acting: zero if the event may happen at once,
     * {@link RateLimiter#INF_DURATION} if the reservation is not ok.
     */
    public Duration delayFrom(long now) {
        long d = delayNanosFrom(now);
        return d == RateLimiter.INF_NANOS ? RateLimiter.INF_DURATION : Duration.ofNanos(d);
    }

    long delayNanosFrom(long now) {
        if (!ok) {
            return RateLimiter.INF_NANOS;
        }
        long d = timeToAct - now;
        return d < 0 ? 0 : d;
    }

    /** {@code cancelAt(limiter.clock().nanoTime())}. */
    public void cancel() {
        cancelAt(limiter.clock().nanoTime());
    }

    /**
     * Says the event will not happen: hands the tokens back, as far as later reservations have
     * not already counted on them. No effect if not ok, if the time to act is before
     * {@code now}, or if already cancelled.
     */
    public void cancelAt(long now) {
        if (ok) {
            limiter.cancel(this, now);
        }
    }

    @Override
    public String toString() {
        return ok ? "Reservation[tokens=" + tokens + ", timeToAct=" + timeToAct + "]"
                : "Reservation[not ok]";
    }
}
