package dev.weft.chan;

import dev.weft.time.Clock;
import java.util.concurrent.locks.LockSupport;

/** How a blocked channel operation or select waits for its {@link Waiter} to be completed. */
final class Parking {
    static final int DONE = 0;
    static final int INTERRUPTED = 1;
    static final int TIMED_OUT = 2;

    /** Completed by a partner while spinning, before parking. */
    static final int DONE_SPINNING = 3;

    /**
     * How long a waiter spins before it parks: an adaptive budget kept by each channel and each
     * prepared select (Go's runtime spins too, briefly, before it sleeps). A partner on the
     * other carrier often answers within a few hundred nanoseconds, far less than parking and
     * unparking a virtual thread; but a partner queued on this carrier cannot run while we spin.
     * So the budget doubles each time a spin succeeds and halves each time it fails, within
     * [MIN_SPINS, max]. Measured on the 2-core machine this project is tested on: with an idle
     * machine, unbuffered pingpong took 580-640 ns per message without spinning and 290-360 ns
     * with this budget capped at 256 (a fixed 256 was as fast; a cap of 1024 no faster; yielding
     * the carrier instead of spinning no better); at a load average of 20, fixed spins of 32 made
     * it 4x slower, which the halving avoids. The floor keeps probing (MIN_SPINS pauses cost about 0.3 us) so the budget can
     * grow back when the machine quiets down.
     */
    static final int MIN_SPINS = 8;

    /** Upper bound of the budget for hand-offs (unbuffered channels, selects). */
    static final int MAX_SPINS_HANDOFF = Integer.getInteger("weft.spins", 256);

    /**
     * Upper bound for buffered channels: spinning there mostly trades batching (the producer
     * filling the buffer while the consumer is parked) for more frequent hand-offs, which
     * measured slower beyond a few dozen spins.
     */
    static final int MAX_SPINS_BUFFERED = Math.min(32, MAX_SPINS_HANDOFF);

    /** The next budget after a wait that spun {@code spins} and did or did not succeed. */
    static int adapt(int spins, boolean succeeded, int max) {
        return succeeded ? Math.min(max, spins * 2) : Math.max(MIN_SPINS, spins >> 1);
    }

    private Parking() {}

    /**
     * Waits until {@code w} is DONE, or gives up by claiming it itself: on interrupt
     * (INTERRUPTED, flag cleared) or, when {@code clock} is non-null, at {@code deadline}
     * (TIMED_OUT). If a partner claimed the waiter first, the operation completes: this returns
     * DONE, and an interrupt that arrived meanwhile is kept in the thread's flag. It first
     * spins up to {@code spins} times, returning DONE_SPINNING if that was enough.
     */
    static int await(Waiter w, Object blocker, Clock clock, long deadline, int spins) {
        for (int i = spins; i > 0; i--) {
            if (w.state == Waiter.DONE) {
                return DONE_SPINNING;
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
