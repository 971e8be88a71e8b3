package dev.weft.chan;

import dev.weft.time.Clock;
import java.util.concurrent.locks.LockSupport;

/** How a blocked channel operation or select waits for its {@link Waiter} to be completed. */
final class Parking {
    static final int DONE = 0;
    static final int INTERRUPTED = 1;
    static final int TIMED_OUT = 2;

    /**
     * Busy-wait iterations before parking. A partner on the other carrier often answers within
     * a few hundred nanoseconds, far less than a park and unpark of a virtual thread; but a
     * partner queued on this carrier cannot run while we spin, so the spin stays short.
     * Tunable with {@code -Dweft.spins=N} for benchmarking.
     */
    static final int SPINS = Integer.getInteger("weft.spins", 128);

    private Parking() {}

    /**
     * Waits until {@code w} is DONE, or gives up by claiming it itself: on interrupt
     * (INTERRUPTED, flag cleared) or, when {@code clock} is non-null, at {@code deadline}
     * (TIMED_OUT). If a partner claimed the waiter first, the operation completes: this returns
     * DONE, and an interrupt that arrived meanwhile is kept in the thread's flag.
     */
    static int await(Waiter w, Object blocker, Clock clock, long deadline) {
        for (int i = SPINS; i > 0; i--) {
            if (w.state == Waiter.DONE) {
                return DONE;
            }
            Thread.onSpinWait();
        }
        boolean interrupted = false;
        int st;
        while ((st = w.state) != Waiter.DONE) {
            if (st == Waiter.WAITING) {
                if (Thread.interrupted()) {
                    if (w.tryClaim()) {
                        return INTERRUPTED;
                    }
                    interrupted = true; // lost the race: a partner completes us
                    continue;
                }
                if (clock == null) {
                    LockSupport.park(blocker);
                    continue;
                }
                long remaining = deadline - clock.nanoTime();
                if (remaining <= 0) {
                    if (w.tryClaim()) {
                        if (interrupted) {
                            Thread.currentThread().interrupt();
                        }
                        return TIMED_OUT;
                    }
                    continue;
                }
                clock.parkNanos(blocker, remaining);
            } else {
                // CLAIMED by a partner that holds a channel lock and will unpark us right after
                // completing; clear the flag so that park really waits.
                if (Thread.interrupted()) {
                    interrupted = true;
                }
                LockSupport.park(blocker);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return DONE;
    }
}
