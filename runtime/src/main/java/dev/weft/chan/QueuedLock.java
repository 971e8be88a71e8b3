package dev.weft.chan;

import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * The lock of a buffered channel: a non-reentrant mutex on {@link AbstractQueuedSynchronizer}
 * whose contended acquirers queue and park at once instead of spinning.
 *
 * <p>Why buffered channels do not use the spin lock of unbuffered ones: their contention comes
 * from many goroutines streaming through one buffer, where the fastest schedule lets one
 * carrier run several operations in a row with the channel's cache lines in its own cache. An
 * acquirer spinning on the other core keeps pulling those lines back, and the holder's next
 * acquire has to fetch them again. Measured on the 2-core test machine (4 producers and 4
 * consumers on capacity 128, W4, JMH, one run each, idle): the spin lock 183-229 ns per
 * message with modes from 47 to 390 within one run, this lock 98-107, and the same lock
 * spinning even 8 or 16 times before it queues 100-300. Unbuffered channels keep the spin
 * lock: their contention is two hand-off partners meeting, where parking costs microseconds
 * and the holder lets go within a few dozen instructions (see {@link Chan}).
 *
 * <p>Unlike {@code ReentrantLock} it records no owner, so an uncontended acquire and release
 * write one word.
 */
final class QueuedLock extends AbstractQueuedSynchronizer {
    void lock() {
        if (!compareAndSetState(0, 1)) {
            acquire(1); // not interruptible: a held channel lock is let go within nanoseconds
        }
    }

    void unlock() {
        release(1);
    }

    @Override
    protected boolean tryAcquire(int ignored) {
        return getState() == 0 && compareAndSetState(0, 1);
    }

    @Override
    protected boolean tryRelease(int ignored) {
        setState(0);
        return true;
    }

    /** What a thread queued for this lock parks on, as goroutine dumps show it. */
    @Override
    public String toString() {
        return "a channel's lock";
    }
}
