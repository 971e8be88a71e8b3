package dev.weft.time;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A clock that moves only when a test calls {@link #advance(Duration)}; scheduled actions run
 * inside advance, on the test's thread, in time order. Install it with
 * {@link Clock#withClock}.
 */
public final class ManualClock implements Clock {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition scheduled = lock.newCondition();
    private final PriorityQueue<Task> tasks =
            new PriorityQueue<>((a, b) -> a.when != b.when ? Long.compare(a.when, b.when)
                    : Long.compare(a.seq, b.seq));
    private final Instant epoch = Instant.parse("2026-01-01T00:00:00Z");
    private long nanos;
    private long seq;

    private final class Task implements Cancellable {
        final long when;
        final long seq;
        final Runnable action;

        Task(long when, long seq, Runnable action) {
            this.when = when;
            this.seq = seq;
            this.action = action;
        }

        @Override
        public boolean cancel() {
            lock.lock();
            try {
                return tasks.remove(this);
            } finally {
                lock.unlock();
            }
        }
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
        return epoch.plusNanos(nanoTime());
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable action) {
        lock.lock();
        try {
            long delay = Math.min(Math.max(0, delayNanos), Long.MAX_VALUE / 4);
            Task t = new Task(nanos + delay, seq++, action);
            tasks.add(t);
            scheduled.signalAll();
            return t;
        } finally {
            lock.unlock();
        }
    }

    /** Moves time forward by {@code d}, running every action that falls due, in order. */
    public void advance(Duration d) {
        long target = nanoTime() + d.toNanos();
        for (;;) {
            Task due;
            lock.lock();
            try {
                due = tasks.peek();
                if (due == null || due.when > target) {
                    nanos = target;
                    return;
                }
                tasks.poll();
                nanos = Math.max(nanos, due.when);
            } finally {
                lock.unlock();
            }
            due.action.run();
        }
    }

    /** Scheduled actions not yet run or cancelled. */
    public int pending() {
        lock.lock();
        try {
            return tasks.size();
        } finally {
            lock.unlock();
        }
    }

    /** Waits (really, bounded) until at least {@code n} actions are pending. */
    public void awaitPending(int n, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (tasks.size() < n) {
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + n + " pending timers");
                }
                left = scheduled.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Time elapsed on this clock since it was made. */
    public Duration elapsed() {
        return Duration.ofNanos(nanoTime());
    }

    @Override
    public String toString() {
        return "ManualClock(" + elapsed() + ")";
    }
}
