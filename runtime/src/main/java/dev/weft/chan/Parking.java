package dev.weft.chan;

import dev.weft.time.Clock;
import java.util.concurrent.locks.LockSupport;

/** How a blocked channel operation or select waits for its {@link Waiter} to be completed. */
final class Parking {
    static final int DONE = 0;
    static final int INTERRUPTED = 1;
    static final int TIMED_OUT = 2;

    /**
     * Busy-wait iterations before parking; none by default. Measured on the 2-core machine this
     * project is tested on: one {@code Thread.onSpinWait()} costs about 35 ns there, and a spin of
     * 8, 32 or 128 iterations made every unbuffered workload slower (pingpong 760 ns of CPU per
     * message without spinning, 1300 with 8 spins, 2760 with 32), because the partner a virtual
     * thread waits for usually runs on the same carrier, after it parks. Tunable with
     * {@code -Dweft.spins=N} for machines where that is not so.
     */
    static final int SPINS = Integer.getInteger("weft.spins", 0);

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
