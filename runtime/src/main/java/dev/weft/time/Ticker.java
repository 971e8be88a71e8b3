package dev.weft.time;

import dev.weft.chan.Chan;
import dev.weft.chan.RecvChan;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Go's {@code time.Ticker} with Go 1.23 semantics: the current time on {@link #c()} every
 * period. A slow receiver misses ticks rather than getting a backlog: the channel holds at
 * most one tick. After {@link #stop()} or {@link #reset(Duration)} returns, no stale tick is
 * received.
 *
 * <pre>{@code
 * Ticker ticker = Ticker.start(Duration.ofSeconds(1));
 * try {
 *     for (int i = 0; i < 3; i++) {
 *         Instant t = ticker.c().recv();
 *         System.out.println("tick at " + t);
 *     }
 * } finally {
 *     ticker.stop();
 * }
 * }</pre>
 */
public final class Ticker {
    /*
     * Design note: as Timer (a sequence number checked under the lock by each firing; stop and
     * reset bump it and drain the channel under the lock). A firing re-arms itself for the
     * next multiple of the period after now, so ticks missed while the timer thread was late
     * are skipped, as Go's runtime does (t.when += period * (1 + -delta/period)). Invariant:
     * while running, exactly one scheduled firing carries the current sequence number.
     */
    private final Clock clock;
    private final Chan<Instant> c = Chan.make(1);
    private final ReentrantLock lock = new ReentrantLock();
    private long seq;             // guarded by lock
    private long period;          // guarded by lock
    private long next;            // guarded by lock; clock.nanoTime() of the next tick
    private Cancellable pending;  // guarded by lock; null once stopped

    private Ticker() {
        this.clock = Clock.current();
    }

    /**
     * A ticker sending the time every {@code period}: Go's {@code time.NewTicker}.
     *
     * @throws IllegalArgumentException if {@code period} is zero or negative
     * @throws NullPointerException if {@code period} is null
     */
    public static Ticker start(Duration period) {
        long nanos = checkPeriod(period, "non-positive interval for NewTicker");
        Ticker t = new Ticker();
        t.lock.lock();
        try {
            t.arm(nanos);
        } finally {
            t.lock.unlock();
        }
        return t;
    }

    /** The channel ticks are sent on; it holds at most one tick and is never closed. */
    public RecvChan<Instant> c() {
        return c;
    }

    /** Stops the ticker; after this returns no tick is received until a {@link #reset}. */
    public void stop() {
        lock.lock();
        try {
            disarm();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the ticker, discards an undelivered tick, and restarts it with a new period; the
     * next tick comes one {@code period} from now.
     *
     * @throws IllegalArgumentException if {@code period} is zero or negative
     */
    public void reset(Duration period) {
        long nanos = checkPeriod(period, "non-positive interval for Ticker.Reset");
        lock.lock();
        try {
            disarm();
            arm(nanos);
        } finally {
            lock.unlock();
        }
    }

    private static long checkPeriod(Duration period, String message) {
        long nanos = Durations.toNanos(period, "period");
        if (nanos <= 0) {
            throw new IllegalArgumentException(message + ": " + period);
        }
        return nanos;
    }

    private void disarm() { // under lock
        seq++;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        c.tryRecv();
    }

    private void arm(long nanos) { // under lock
        period = nanos;
        long armed = ++seq;
        next = clock.nanoTime() + nanos;
        pending = clock.schedule(nanos, () -> tick(armed));
    }

    private void tick(long armed) {
        lock.lock();
        try {
            if (seq != armed) {
                return; // stopped or reset since
            }
            c.trySend(clock.now()); // full: the receiver is slow, drop this tick
            long now = clock.nanoTime();
            next += period;
            if (next - now <= 0) {
                next += period * ((now - next) / period + 1); // skip the ticks we are late for
            }
            pending = clock.schedule(next - now, () -> tick(armed));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Ticker(" + c + ")";
    }
}
