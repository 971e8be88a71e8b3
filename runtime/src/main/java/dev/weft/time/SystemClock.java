package dev.weft.time;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/** The real clock: System.nanoTime, Instant.now, and the shared {@link TimerQueue}. */
final class SystemClock implements Clock {
    static final SystemClock INSTANCE = new SystemClock();

    private final TimerQueue timers = new TimerQueue();

    private SystemClock() {}

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public void parkNanos(Object blocker, long nanos) {
        LockSupport.parkNanos(blocker, nanos);
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable action) {
        java.util.Objects.requireNonNull(action, "action");
        return timers.schedule(delayNanos, action);
    }

    /** Entries queued on the shared timer thread; for tests and benchmarks. */
    int pendingTimers() {
        return timers.size();
    }

    @Override
    public String toString() {
        return "Clock.system()";
    }
}
