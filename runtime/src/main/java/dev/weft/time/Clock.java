package dev.weft.time;

import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * The source of time for every time-based part of Weft: select timeouts, context deadlines,
 * timers, tickers, rate limiters and breakers all read it, so a test kit can drive them with
 * virtual time.
 *
 * <p>{@link #nanoTime()} is monotonic and is what durations are measured against;
 * {@link #now()} is wall-clock time and is what deadlines are expressed in.
 *
 * <p>Which clock: {@link #current()} is the system clock unless the calling thread runs inside
 * {@link #withClock(Clock, Callable)}. That scope is an inheritable per-thread setting: every
 * thread started inside it, in particular every virtual thread (goroutine) started by the code
 * it runs, inherits the clock when it is created, so a test and all the goroutines it starts
 * (a "bubble") share one virtual clock. Threads created before the scope, or by pools created
 * before it, keep the clock they had. Time-based objects capture {@code Clock.current()} when
 * they are made (a context's deadline, a Timer), so they keep their clock for life. Reading
 * {@code current()} costs one volatile read while no clock was ever installed.
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

    /**
     * The clock for the calling thread: the one installed by the innermost enclosing
     * {@link #withClock(Clock, Callable)} of this thread or of the thread that started it,
     * otherwise {@link #system()}.
     */
    static Clock current() {
        return ClockScope.current();
    }

    /**
     * Runs {@code body} with {@code clock} as {@link #current()} for this thread and for every
     * thread started while it runs (they inherit it, as an inheritable thread-local), then
     * restores the previous clock. Meant for test kits that drive time virtually:
     *
     * <pre>{@code
     * ManualClock clock = new ManualClock();
     * Clock.withClock(clock, () -> {
     *     Timer t = Timer.start(Duration.ofSeconds(5)); // scheduled on the manual clock
     *     clock.advance(Duration.ofSeconds(5));
     *     return t.c().recv();
     * });
     * }</pre>
     *
     * @return what {@code body} returns
     * @throws Exception what {@code body} throws
     */
    static <T> T withClock(Clock clock, Callable<T> body) throws Exception {
        return ClockScope.with(clock, body);
    }
}
