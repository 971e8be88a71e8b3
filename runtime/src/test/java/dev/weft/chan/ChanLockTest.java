package dev.weft.chan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The channel lock's slow path: a thread that finds the lock held for longer than a spin (its
 * holder off-CPU) sleeps rather than spins or yields, proceeds once the lock is free, and keeps
 * an interrupt that arrives meanwhile for its caller.
 */
@Timeout(60)
class ChanLockTest {

    /** Waits until {@code t} sleeps for a channel's lock (the spin before it was not enough). */
    private static void awaitSleepingForLock(Thread t) {
        Goroutines.awaitTrue(() -> LockSupport.getBlocker(t) == Chan.LOCK_BLOCKER,
                () -> t + " to sleep for the channel's lock (state " + t.getState() + ")");
    }

    @Test
    void aThreadWaitingLongForTheLockSleepsAndProceedsWhenItIsReleased() throws Exception {
        Chan<Integer> ch = Chan.make(1);
        AtomicBoolean sent = new AtomicBoolean();
        ch.lock();
        Thread t;
        try {
            t = Thread.ofVirtual().start(() -> sent.set(ch.trySend(7)));
            awaitSleepingForLock(t);
        } finally {
            ch.unlock();
        }
        t.join();
        assertTrue(sent.get(), "trySend went through once the lock was free");
        assertEquals(7, ch.recv());
    }

    @Test
    void anInterruptWhileWaitingForTheLockIsKeptForTheCaller() throws Exception {
        Chan<Integer> ch = Chan.make(1);
        AtomicBoolean sent = new AtomicBoolean();
        AtomicBoolean flagKept = new AtomicBoolean();
        ch.lock();
        Thread t;
        try {
            t = Thread.ofVirtual().start(() -> {
                sent.set(ch.trySend(7));
                flagKept.set(Thread.currentThread().isInterrupted());
            });
            awaitSleepingForLock(t);
            t.interrupt();
            // The interrupt must not turn the wait into a busy loop: the thread sleeps again.
            Goroutines.awaitTrue(() -> t.getState() == Thread.State.TIMED_WAITING
                            && LockSupport.getBlocker(t) == Chan.LOCK_BLOCKER,
                    () -> t + " to sleep again after the interrupt (state " + t.getState() + ")");
        } finally {
            ch.unlock();
        }
        t.join();
        assertTrue(sent.get(), "trySend does not give up for an interrupt");
        assertTrue(flagKept.get(), "the interrupt flag is set again for the caller");
    }
}
