package dev.weft.resilience;

import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.time.Cancellable;
import dev.weft.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A clock that moves only when a test calls {@link #advance}; scheduled actions run then, in
 * time order, on the advancing thread. nanoTime starts at 0; wall time starts in 2100, so real
 * timers of contexts whose deadlines are set from this clock never fire during a test.
 */
final class ManualClock implements Clock {
    static final Instant BASE = Instant.parse("2100-01-01T00:00:00Z");

    private final PriorityQueue<Task> tasks =
            new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long nanos;
    private long seq;

    private final class Task implements Cancellable {
        final long at;
        final long seq;
        final Runnable action;

        Task(long at, long seq, Runnable action) {
            this.at = at;
            this.seq = seq;
            this.action = action;
        }

        @Override
        public boolean cancel() {
            synchronized (ManualClock.this) {
                return tasks.remove(this);
            }
        }
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized Instant now() {
        return BASE.plusNanos(nanos);
    }

    @Override
    public synchronized Cancellable schedule(long delayNanos, Runnable action) {
        Task t = new Task(nanos + Math.max(0, delayNanos), seq++, action);
        tasks.add(t);
        return t;
    }

    /** Moves time forward by {@code d}, running every action that falls due. */
    void advance(Duration d) {
        long target;
        synchronized (this) {
            target = nanos + d.toNanos();
        }
        while (true) {
            Task due;
            synchronized (this) {
                due = tasks.peek();
                if (due == null || due.at > target) {
                    nanos = target;
                    return;
                }
                tasks.poll();
                nanos = due.at;
            }
            due.action.run();
        }
    }

    synchronized int pendingTimers() {
        return tasks.size();
    }

    /** Waits (in real time, bounded) until {@code n} actions are scheduled. */
    void awaitTimers(int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (pendingTimers() < n) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting for " + n + " timers; have " + pendingTimers());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    synchronized List<Long> pendingTimes() {
        List<Long> out = new ArrayList<>();
        for (Task t : tasks) {
            out.add(t.at);
        }
        out.sort(null);
        return out;
    }

    @Override
    public String toString() {
        return "ManualClock[" + nanoTime() + "ns]";
    }
}
