package dev.weft.resilience;

import dev.weft.context.AfterFunc;
import dev.weft.context.Context;
import dev.weft.context.ContextException;
import dev.weft.time.Clock;
import java.util.concurrent.locks.LockSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Go's token-bucket rate limiter ({@code golang.org/x/time/rate.Limiter}). The bucket holds at
 * most {@code burst} tokens, starts full, and refills at {@code limit} tokens per second; each
 * event takes one token (or {@code n}). Three ways to use it:
 * <ul>
 * <li>{@link #allow()}/{@link #allowN}: take tokens if there are enough now, else drop the
 *     event;
 * <li>{@link #waitN}: block until the tokens come, giving up when the context is done;
 * <li>{@link #reserveN}: take tokens now and learn how long to wait before acting; a
 *     {@link Reservation} can be cancelled to hand its tokens back.
 * </ul>
 *
 * <pre>{@code
 * RateLimiter limiter = new RateLimiter(Limit.of(10), 3);   // Go: rate.NewLimiter(10, 3)
 * if (limiter.allow()) {                                    // limiter.Allow()
 *     handle(request);
 * }
 * limiter.waitN(ctx, 1);                                    // limiter.Wait(ctx)
 * }</pre>
 *
 * <p>Time: the limiter reads time only from its {@link Clock} ({@link Clock#current()} when
 * made, unless one is given). The {@code *At} methods and those taking {@code now} take a
 * reading of that clock's {@link Clock#nanoTime()}, as Go's take a {@code time.Time}; they let
 * a caller, or a test, state the time explicitly. Durations are returned as {@link Duration};
 * {@link #INF_DURATION} means "never", Go's {@code rate.InfDuration}.
 *
 * <p>All methods are safe for concurrent use.
 */
public final class RateLimiter {
    /*
     * Design note.
     *
     * Go's x/time/rate: the bucket is not refilled by a timer but computed lazily. State is
     * (tokens, last): the count at time `last`; advance(t) = min(burst, tokens + limit*(t-last)).
     * tokens may go negative: a reservation that must wait takes its tokens at once and gets a
     * timeToAct in the future, when the count is back at zero. lastEvent is the latest
     * timeToAct handed out; cancelling a reservation returns its tokens minus those that later
     * reservations already counted on (they were computed from the reduced count).
     *
     *   reserveN(t, n, maxWait): INF -> ok, no state change
     *                            tokens' = advance(t) - n; wait = time to refill -tokens'
     *                            ok iff n <= burst and wait <= maxWait (and wait is finite)
     *                            ok -> (tokens, last, lastEvent) = (tokens', t, t + wait)
     *   allowN  = reserveN(t, n, 0).ok, without allocating the reservation
     *   waitN   = checks, then reserveN(now, n, time to ctx's deadline), then sleep until
     *             timeToAct or ctx done (then cancel the reservation)
     *
     * Differences from Go: a reservation that could never act (zero rate, bucket empty) is
     * not ok, where Go returns ok with an infinite delay; Go's older zero-rate special case
     * (which consumed the burst itself) is not kept, so raising the rate later works.
     * Cancelling a reservation twice has no further effect. Negative n, burst or rate are
     * rejected. Waiting honours interruption.
     *
     * Invariants (under lock): advance(t) never exceeds burst (tokens itself may, for a moment,
     * after setBurst lowers it; the next advance caps it); lastEvent is the latest timeToAct
     * handed out, or earlier only when cancelling the latest reservation moved it back.
     */

    /** Go's {@code rate.InfDuration}: the delay of a reservation that is not ok. */
    public static final Duration INF_DURATION = Duration.ofNanos(Long.MAX_VALUE);
    static final long INF_NANOS = Long.MAX_VALUE;

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock. */
    private Limit limit;
    private int burst;
    private double tokens;
    private long last;
    private long lastEvent;

    /**
     * A limiter of {@code limit} events per second with bursts of up to {@code burst}, on the
     * current clock, starting full.
     *
     * @throws IllegalArgumentException if {@code burst} is negative
     */
    public RateLimiter(Limit limit, int burst) {
        this(limit, burst, Clock.current());
    }

    /** Like {@link #RateLimiter(Limit, int)}, reading time from {@code clock}. */
    public RateLimiter(Limit limit, int burst, Clock clock) {
        this.limit = Objects.requireNonNull(limit, "limit must not be null");
        this.burst = checkBurst(burst);
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.tokens = burst;
        this.last = clock.nanoTime();
        this.lastEvent = last;
    }

    /** The clock this limiter reads. */
    public Clock clock() {
        return clock;
    }

    /** The current rate. */
    public Limit limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    /** The current burst. */
    public int burst() {
        lock.lock();
        try {
            return burst;
        } finally {
            lock.unlock();
        }
    }

    /** Tokens available now; negative while reservations wait. */
    public double tokens() {
        return tokensAt(clock.nanoTime());
    }

    /** Tokens available at {@code now} (a reading of this limiter's clock). */
    public double tokensAt(long now) {
        lock.lock();
        try {
            return advance(now);
        } finally {
            lock.unlock();
        }
    }

    /** {@code allowN(clock().nanoTime(), 1)}. */
    public boolean allow() {
        return allowN(clock.nanoTime(), 1);
    }

    /**
     * Takes {@code n} tokens if they are available at {@code now}; never waits. Use it to drop
     * or skip events over the rate.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public boolean allowN(long now, int n) {
        checkN(n);
        lock.lock();
        try {
            return limit.isInfinite() || take(now, n, 0);
        } finally {
            lock.unlock();
        }
    }

    /** {@code reserveN(clock().nanoTime(), 1)}. */
    public Reservation reserve() {
        return reserveN(clock.nanoTime(), 1);
    }

    /**
     * Takes {@code n} tokens at {@code now}, however long the refill takes, and says when the
     * event may happen: {@link Reservation#delay()}. The reservation is not ok (and takes
     * nothing) when {@code n} exceeds the burst, or when the rate is zero and the bucket cannot
     * cover it. Use it to slow down without dropping events.
     *
     * <pre>{@code
     * Reservation r = limiter.reserveN(clock.nanoTime(), 1);
     * if (!r.ok()) { return; }              // never possible: n > burst
     * Thread.sleep(r.delay());              // or give up and r.cancel()
     * act();
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public Reservation reserveN(long now, int n) {
        return reserveN(now, n, INF_NANOS);
    }

    /**
     * Blocks until {@code n} tokens are available, or fails: at once, without taking anything,
     * if {@code n} exceeds the burst (unless the rate is infinite) or the wait would pass the
     * context's deadline; later, handing the tokens back, if the context is done or the thread
     * is interrupted first. Go's {@code WaitN}.
     *
     * @throws RateLimitException "rate: Wait(n=N) exceeds limiter's burst B", or
     *     "rate: Wait(n=N) would exceed context deadline"
     * @throws ContextException if {@code ctx} is done, on entry or while waiting
     * @throws InterruptedException if interrupted, on entry or while waiting
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public void waitN(Context ctx, int n) throws InterruptedException {
        Objects.requireNonNull(ctx, "ctx must not be null");
        checkN(n);
        Limit lim;
        int b;
        lock.lock();
        try {
            lim = limit;
            b = burst;
        } finally {
            lock.unlock();
        }
        if (n > b && !lim.isInfinite()) {
            throw new RateLimitException("rate: Wait(n=" + n + ") exceeds limiter's burst " + b);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        ctx.throwIfDone();
        long now = clock.nanoTime();
        Reservation r = reserveN(now, n, nanosUntil(ctx.deadline()));
        if (!r.ok()) {
            throw new RateLimitException("rate: Wait(n=" + n + ") would exceed context deadline");
        }
        if (r.delayNanosFrom(now) > 0) {
            sleep(ctx, r);
        }
    }

    /** Sets the rate from now on; Go's {@code SetLimit}. */
    public void setLimit(Limit newLimit) {
        setLimitAt(clock.nanoTime(), newLimit);
    }

    /** Sets the rate from {@code now} on; tokens accrued until then count at the old rate. */
    public void setLimitAt(long now, Limit newLimit) {
        Objects.requireNonNull(newLimit, "limit must not be null");
        lock.lock();
        try {
            tokens = advance(now);
            last = now;
            limit = newLimit;
        } finally {
            lock.unlock();
        }
    }

    /** Sets the burst from now on; Go's {@code SetBurst}. */
    public void setBurst(int newBurst) {
        setBurstAt(clock.nanoTime(), newBurst);
    }

    /**
     * Sets the burst from {@code now} on.
     *
     * @throws IllegalArgumentException if {@code newBurst} is negative
     */
    public void setBurstAt(long now, int newBurst) {
        checkBurst(newBurst);
        lock.lock();
        try {
            tokens = advance(now);
            last = now;
            burst = newBurst;
        } finally {
            lock.unlock();
        }
    }

    /** The core: takes n tokens at t if that needs a wait of at most maxWait nanos. */
    Reservation reserveN(long t, int n, long maxWait) {
        checkN(n);
        lock.lock();
        try {
            if (limit.isInfinite()) {
                return new Reservation(this, true, n, t, limit);
            }
            return take(t, n, maxWait)
                    ? new Reservation(this, true, n, lastEvent, limit)
                    : new Reservation(this, false, 0, 0, limit);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes n tokens at t if that needs a wait of at most maxWait nanos; the time to act is
     * then lastEvent. Call with lock held and a finite limit.
     */
    private boolean take(long t, int n, long maxWait) {
        double left = advance(t) - n;
        long wait = left < 0 ? limit.nanosFromTokens(-left) : 0;
        if (n > burst || wait == INF_NANOS || wait > maxWait) {
            return false;
        }
        last = t;
        tokens = left;
        lastEvent = t + wait;
        return true;
    }

    /** Hands back a cancelled reservation's tokens at {@code t}; Go's {@code CancelAt}. */
    void cancel(Reservation r, long t) {
        lock.lock();
        try {
            if (r.cancelled || limit.isInfinite() || r.tokens == 0 || r.timeToAct - t < 0) {
                return; // nothing to give back, or the event already happened
            }
            r.cancelled = true;
            // Later reservations were computed from the reduced count: those tokens stay taken.
            double restore = r.tokens - r.limit.tokensFromNanos(lastEvent - r.timeToAct);
            if (restore <= 0) {
                return;
            }
            tokens = Math.min(burst, advance(t) + restore);
            last = t;
            if (r.timeToAct == lastEvent && r.limit.perSecond() > 0) {
                long prevEvent = r.timeToAct - r.limit.nanosFromTokens(r.tokens);
                if (prevEvent - t >= 0) {
                    lastEvent = prevEvent;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Tokens at t, without changing state. Call with lock held. */
    private double advance(long t) {
        long from = t - last < 0 ? t : last; // time ran backwards: count nothing
        double accrued = limit.isInfinite() ? burst : limit.tokensFromNanos(t - from);
        return Math.min(burst, tokens + accrued);
    }

    /**
     * Parks on this limiter, on its clock, until the reservation may act; if ctx ends (it
     * unparks us through afterFunc) or the thread is interrupted first, cancels it.
     */
    private void sleep(Context ctx, Reservation r) throws InterruptedException {
        Thread self = Thread.currentThread();
        AfterFunc wake = ctx.afterFunc(() -> LockSupport.unpark(self));
        try {
            long remaining;
            while ((remaining = r.timeToAct - clock.nanoTime()) > 0) {
                if (Thread.interrupted()) {
                    r.cancel();
                    throw new InterruptedException();
                }
                if (ctx.isDone()) {
                    r.cancel();
                    throw ContextException.of(ctx);
                }
                clock.parkNanos(this, remaining);
            }
        } finally {
            wake.stop();
        }
    }

    /** Nanoseconds from now (on this clock) until the deadline; INF_NANOS without one. */
    private long nanosUntil(Optional<Instant> deadline) {
        if (deadline.isEmpty()) {
            return INF_NANOS;
        }
        Duration d = Duration.between(clock.now(), deadline.get());
        try {
            return d.toNanos();
        } catch (ArithmeticException tooFar) {
            return d.isNegative() ? Long.MIN_VALUE : INF_NANOS;
        }
    }

    private static int checkBurst(int burst) {
        if (burst < 0) {
            throw new IllegalArgumentException("rate: burst must be non-negative: " + burst);
        }
        return burst;
    }

    private static void checkN(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("rate: negative token count: " + n);
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "RateLimiter[limit=" + limit + ", burst=" + burst + "]";
        } finally {
            lock.unlock();
        }
    }
}
