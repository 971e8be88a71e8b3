package dev.weft.time;

import dev.weft.chan.Chan;
import dev.weft.chan.RecvChan;
import dev.weft.goroutine.Goroutine;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Go's {@code time.Timer} with Go 1.23 semantics: one value on {@link #c()} when the time is up;
 * after {@link #stop()} or {@link #reset(Duration)} returns, no stale value is received.
 *
 * <pre>{@code
 * Timer t = Timer.start(Duration.ofSeconds(1));
 * Select.on()
 *     .recv(results, r -> handle(r))
 *     .recv(t.c(), () -> log("slow"))
 *     .run();
 * t.stop();  // no value is left behind on t.c()
 * }</pre>
 *
 * <p>Time is read from the {@link Clock#current()} of the thread that made the timer. Memory
 * consistency: actions before {@code start}/{@code reset} happen-before the value is received
 * (or the function of {@link Time#afterFunc} starts).
 */
public final class Timer {
    /*
     * Design note.
     *
     * Each arming of the timer gets a sequence number; the scheduled action carries the number
     * it was armed with and does nothing unless it is still current. The action fires under
     * the timer's lock, and stop/reset bump the number and drain the channel under the same
     * lock, so after they return neither an old value in the buffer nor an action already
     * running on the timer thread can deliver: that is Go 1.23's guarantee.
     *
     *   armed --fire--> fired (value in c, or func started) --reset--> armed
     *   armed --stop--> stopped --reset--> armed
     *
     * Differences from Go: c() has capacity 1 (Go 1.23 reports 0); the buffered value is what
     * stop and reset take back, which is how Go 1.23 implements it too. Stop returns true when
     * it took back an undelivered value, as Go 1.23 does.
     */
    private final Clock clock;
    private final Chan<Instant> c;  // null for afterFunc timers
    private final Runnable func;    // null for channel timers
    private final ReentrantLock lock = new ReentrantLock();
    private long seq;               // guarded by lock
    private Cancellable pending;    // guarded by lock; non-null while armed

    private Timer(Chan<Instant> c, Runnable func) {
        this.clock = Clock.current();
        this.c = c;
        this.func = func;
    }

    /**
     * A timer that sends the current time on {@link #c()} after {@code d} (at once if
     * {@code d} is not positive): Go's {@code time.NewTimer}.
     *
     * @throws NullPointerException if {@code d} is null
     */
    public static Timer start(Duration d) {
        long nanos = Durations.toNanos(d, "duration");
        Timer t = new Timer(Chan.make(1), null);
        t.armLocked(nanos);
        return t;
    }

    /** A timer that runs {@code f} in a new virtual thread after {@code d}; see {@link Time#afterFunc}. */
    static Timer startFunc(Duration d, Runnable f) {
        long nanos = Durations.toNanos(d, "duration");
        Timer t = new Timer(null, Objects.requireNonNull(f, "function"));
        t.armLocked(nanos);
        return t;
    }

    /** The channel the time is sent on; null for a timer made by {@link Time#afterFunc}. */
    public RecvChan<Instant> c() {
        return c;
    }

    /**
     * Stops the timer. After this returns no value from before it is received on {@link #c()}
     * and the function of an afterFunc timer does not start.
     *
     * @return true if the call stopped the timer (it had not fired, or its value was still
     *     undelivered); false if it had already fired and delivered, or was stopped
     */
    public boolean stop() {
        lock.lock();
        try {
            return disarm();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Re-arms the timer to fire after {@code d}, discarding an undelivered value first.
     *
     * @return true if the timer was armed (or its value undelivered) before the call
     * @throws NullPointerException if {@code d} is null
     */
    public boolean reset(Duration d) {
        long nanos = Durations.toNanos(d, "duration");
        lock.lock();
        try {
            boolean active = disarm();
            arm(nanos);
            return active;
        } finally {
            lock.unlock();
        }
    }

    private boolean disarm() { // under lock
        seq++;
        boolean active = pending != null;
        if (active) {
            pending.cancel();
            pending = null;
        }
        if (c != null && c.tryRecv() != null) {
            active = true; // a value nobody received yet: taking it back stops the timer
        }
        return active;
    }

    private void armLocked(long nanos) {
        lock.lock();
        try {
            arm(nanos);
        } finally {
            lock.unlock();
        }
    }

    private void arm(long nanos) { // under lock: a firing may run before schedule returns
        long armed = ++seq;
        pending = clock.schedule(nanos, () -> fire(armed));
    }

    private void fire(long armed) {
        lock.lock();
        try {
            if (seq != armed) {
                return; // stopped or reset since: this firing is stale
            }
            pending = null;
            if (c != null) {
                c.trySend(clock.now());
            } else {
                Goroutine.go("time.afterFunc", func::run);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return func != null ? "Timer(afterFunc)" : "Timer(" + c + ")";
    }
}
