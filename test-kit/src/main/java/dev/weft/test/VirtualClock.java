package dev.weft.test;

import dev.weft.time.Cancellable;
import dev.weft.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The virtual clock of a {@link Bubble}: time stands still while anything in the bubble can
 * run, and jumps to the next timer when everything is blocked. Inside a bubble it is
 * {@link Clock#current()} (and {@link Bubble#clock()}); time starts at midnight UTC,
 * 2000-01-01, as in Go's {@code testing/synctest}.
 *
 * <pre>{@code
 * Bubble.run(() -> {
 *     Time.sleep(Context.background(), Duration.ofMinutes(10));  // returns at once, really
 *     assertEquals(Duration.ofMinutes(10), Bubble.clock().elapsed());
 * });
 * }</pre>
 *
 * <p>Timer actions run on the bubble's watchdog thread, in time order (ties in the order they
 * were scheduled), as the clock contract asks: short, never blocking.
 */
public final class VirtualClock implements Clock {
    /*
     * Design note. A priority queue of entries ordered by (when, seq), guarded by one lock, and
     * a time `nanos` that only the bubble's watchdog moves (advanceToNext), never past a timer
     * it has not fired. Actions run outside the lock, so they may schedule (a Ticker re-arms
     * from its action) and cancel freely. Invariants: every queued entry has when >= the time
     * at which it was scheduled; an entry leaves the queue once, by firing or by cancel.
     */

    /** Where virtual wall-clock time starts: Go's synctest epoch. */
    public static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Entry> timers = new PriorityQueue<>(); // guarded by lock
    private final Runnable onSchedule;
    private long nanos; // guarded by lock
    private long seq;   // guarded by lock

    private final class Entry implements Cancellable, Comparable<Entry> {
        final long when;
        final long order;
        final Runnable action;

        Entry(long when, long order, Runnable action) {
            this.when = when;
            this.order = order;
            this.action = action;
        }

        @Override
        public boolean cancel() {
            lock.lock();
            try {
                return timers.remove(this);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int compareTo(Entry o) {
            return when != o.when ? Long.compare(when, o.when) : Long.compare(order, o.order);
        }
    }

    /** @param onSchedule told after each {@code schedule}, so the watchdog can fire due timers */
    VirtualClock(Runnable onSchedule) {
        this.onSchedule = onSchedule;
    }

    @Override
    public long nanoTime() {
        lock.lock();
        try {
            return nanos;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Instant now() {
        return EPOCH.plusNanos(nanoTime());
    }

    /** Virtual time passed since the bubble began. */
    public Duration elapsed() {
        return Duration.ofNanos(nanoTime());
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable action) {
        Objects.requireNonNull(action, "action");
        Entry e;
        lock.lock();
        try {
            // Saturate rather than overflow: a delay of ~73 years means never, in practice.
            long delay = Math.min(Math.max(0, delayNanos), Long.MAX_VALUE / 4);
            e = new Entry(nanos + delay, seq++, action);
            timers.add(e);
        } finally {
            lock.unlock();
        }
        onSchedule.run();
        return e;
    }

    /** Timers scheduled and neither fired nor cancelled. */
    public int pending() {
        lock.lock();
        try {
            return timers.size();
        } finally {
            lock.unlock();
        }
    }

    /** Fires every timer due at the current time; true if one fired. */
    boolean fireDue() {
        boolean fired = false;
        for (Entry due; (due = takeDue()) != null; ) {
            runSafely(due.action);
            fired = true;
        }
        return fired;
    }

    private Entry takeDue() {
        lock.lock();
        try {
            Entry head = timers.peek();
            return head != null && head.when <= nanos ? timers.poll() : null;
        } finally {
            lock.unlock();
        }
    }

    /** Moves time to the next timer and fires what is due then; false if none is pending. */
    boolean advanceToNext() {
        lock.lock();
        try {
            Entry head = timers.peek();
            if (head == null) {
                return false;
            }
            nanos = Math.max(nanos, head.when);
        } finally {
            lock.unlock();
        }
        fireDue();
        return true;
    }

    private static void runSafely(Runnable action) {
        try {
            action.run();
        } catch (Throwable t) {
            // As the system clock's timer thread: a failing action must not stop time.
            Thread self = Thread.currentThread();
            self.getUncaughtExceptionHandler().uncaughtException(self, t);
        }
    }

    @Override
    public String toString() {
        return "VirtualClock(" + now() + ", " + pending() + " timers pending)";
    }
}
