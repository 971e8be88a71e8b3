package dev.weft.chan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Timeout;

/**
 * The channel lock's slow path, for both locks (unbuffered channels spin, then sleep; buffered
 * ones queue and park): a thread that finds the lock held for long (its holder off-CPU) sleeps
 * rather than spins or yields, proceeds once the lock is free, and keeps an interrupt that
 * arrives meanwhile for its caller.
 */
@Timeout(60)
class ChanLockTest {

    /** Waits until {@code t} sleeps for a channel's lock (any spin before it was not enough). */
    private static void awaitSleepingForLock(Thread t) {
        Goroutines.awaitTrue(() -> sleepsForLock(t),
                () -> t + " to sleep for the channel's lock (state " + t.getState() + ")");
    }

    private static boolean sleepsForLock(Thread t) {
        Object blocker = LockSupport.getBlocker(t);
        Thread.State state = t.getState();
        return (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
                && (blocker == Chan.LOCK_BLOCKER || blocker instanceof QueuedLock);
    }

    /** Unbuffered (the spin lock), then buffered (the queued lock). */
    static int[] capacities() {
        return new int[] {0, 1};
    }

    /** An operation that takes the lock once and does not block: trySend. */
    private static boolean trySend(Chan<Integer> ch) {
        // On an unbuffered channel trySend finds no receiver and returns false, after locking
        // (the holder locked the slot, as every locked operation does: see lockHeld).
        return ch.trySend(7);
    }

    /** Takes the channel's lock as an operation does, slot included, and keeps it. */
    private static void lockHeld(Chan<Integer> ch) {
        ch.lock();
        if (ch.cap() == 0) {
            ch.lockSlotLocked(); // else trySend would see an idle slot and not need the lock
        }
    }

    @ParameterizedTest(name = "capacity {0}")
    @MethodSource("capacities")
    void aThreadWaitingLongForTheLockSleepsAndProceedsWhenItIsReleased(int capacity)
            throws Exception {
        Chan<Integer> ch = Chan.make(capacity);
        AtomicBoolean sent = new AtomicBoolean();
        AtomicBoolean returned = new AtomicBoolean();
        lockHeld(ch);
        Thread t;
        try {
            t = Thread.ofVirtual().start(() -> {
                sent.set(trySend(ch));
                returned.set(true);
            });
            awaitSleepingForLock(t);
        } finally {
            ch.unlock();
        }
        t.join();
        assertTrue(returned.get(), "trySend returned once the lock was free");
        assertEquals(capacity > 0, sent.get(), "trySend goes through where there is room");
        if (capacity > 0) {
            assertEquals(7, ch.recv());
        }
    }

    @ParameterizedTest(name = "capacity {0}")
    @MethodSource("capacities")
    void anInterruptWhileWaitingForTheLockIsKeptForTheCaller(int capacity) throws Exception {
        Chan<Integer> ch = Chan.make(capacity);
        AtomicBoolean sent = new AtomicBoolean();
        AtomicBoolean flagKept = new AtomicBoolean();
        lockHeld(ch);
        Thread t;
        try {
            t = Thread.ofVirtual().start(() -> {
                sent.set(trySend(ch));
                flagKept.set(Thread.currentThread().isInterrupted());
            });
            awaitSleepingForLock(t);
            t.interrupt();
            // The interrupt must not turn the wait into a busy loop: the thread sleeps again.
            Goroutines.awaitTrue(() -> sleepsForLock(t),
                    () -> t + " to sleep again after the interrupt (state " + t.getState() + ")");
        } finally {
            ch.unlock();
        }
        t.join();
        assertEquals(capacity > 0, sent.get(), "trySend does not give up for an interrupt");
        assertTrue(flagKept.get(), "the interrupt flag is set again for the caller");
    }
}
