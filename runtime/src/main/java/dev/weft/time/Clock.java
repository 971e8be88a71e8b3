package dev.weft.time;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * The source of time for every time-based part of Weft: select timeouts, context deadlines,
 * timers, tickers, rate limiters and breakers all read it, so a test kit can drive them with
 * virtual time.
 *
 * <p>{@link #nanoTime()} is monotonic and is what durations are measured against;
 * {@link #now()} is wall-clock time and is what deadlines are expressed in.
 *
 * <pre>{@code
 * Clock clock = Clock.current();
 * long start = clock.nanoTime();
 * ...
 * Duration took = Duration.ofNanos(clock.nanoTime() - start);
 * }</pre>
 */
public interface Clock {

    /** Monotonic time in nanoseconds; only differences are meaningful. */
    long nanoTime();

    /** Wall-clock time. */
    Instant now();

    /**
     * Runs {@code action} once, after {@code delayNanos} nanoseconds of this clock's time.
     * The action runs on a timer thread and must be short and never block: unpark a thread,
     * close a channel, offer to a channel with {@code trySend}.
     *
     * @return a handle whose {@code cancel()} prevents the run if it has not started
     */
    Cancellable schedule(long delayNanos, Runnable action);

    /**
     * Parks the calling thread for at most {@code nanos} of this clock's time, like
     * {@link LockSupport#parkNanos(Object, long)}: it may return early, spuriously, on
     * {@code unpark} or on interrupt, so callers re-check their condition in a loop.
     */
    default void parkNanos(Object blocker, long nanos) {
        if (nanos <= 0) {
            return;
        }
        Thread self = Thread.currentThread();
        Cancellable wake = schedule(nanos, () -> LockSupport.unpark(self));
        try {
            LockSupport.park(blocker);
        } finally {
            wake.cancel();
        }
    }

    /** The real clock: {@link System#nanoTime()} and {@link Instant#now()}. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }

    /** The clock for the calling thread: the system clock unless a test kit installed another. */
    static Clock current() {
        return SystemClock.INSTANCE;
    }
}
