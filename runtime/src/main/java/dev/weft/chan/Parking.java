package dev.weft.chan;

import dev.weft.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
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
     * unparking a virtual thread (one spin, Thread.onSpinWait, is about 28 ns on the test
     * machine); but a partner queued on this carrier cannot run while we spin. So the budget
     * doubles each time a spin succeeds, up to a cap, and halves each time it fails; below
     * MIN_SPINS it drops to zero, where a wait spins MIN_SPINS only one time in PROBE_ONE_IN, so
     * that a channel whose partners are always late (each of 10,000 receivers on its own
     * channel, W7) wastes almost nothing, and one where spinning starts to pay finds out within
     * a few dozen waits. Measured with the cap at 256 on the 2-core test machine, idle:
     * unbuffered pingpong 580-640 ns per message without spinning and 290-360 with it; at a
     * load average of 20, fixed spins of 32 made it 4x slower, which the halving avoids.
     */
    static final int MIN_SPINS = 8;

    /** At a zero budget, one wait in this many probes with MIN_SPINS spins. */
    static final int PROBE_ONE_IN = 16;

    /** Upper bound of the budget for hand-offs (unbuffered channels, selects). */
    static final int MAX_SPINS_HANDOFF = Integer.getInteger("weft.spins", 256);

    /**
     * Upper bound for buffered channels, where a wait means the buffer ran full or empty and
     * spinning mostly trades batching (the producer filling the buffer while the consumer is
     * parked) for more frequent hand-offs. An early harness measured caps beyond a few dozen
     * slower; on the current code caps from 0 to 128 made no difference W3 or W4 could show
     * (JMH, two forks each), so the cap stays modest.
     */
    static final int MAX_SPINS_BUFFERED = Math.min(32, MAX_SPINS_HANDOFF);

    /** The spins one wait may use, given the budget kept for it. */
    static int budget(int kept) {
        if (kept > 0) {
            return kept;
        }
        return ThreadLocalRandom.current().nextInt(PROBE_ONE_IN) == 0 ? MIN_SPINS : 0;
    }

    /** The budget to keep after a wait that spun up to {@code spins} and ended with {@code outcome}. */
    static int adapt(int spins, int outcome, int max) {
        return switch (outcome) {
            case DONE_SPINNING -> Math.min(max, Math.max(MIN_SPINS, spins * 2));
            default -> spins > MIN_SPINS ? spins >> 1 : 0;
        };
    }

    private Parking() {}

    /**
     * The parked waiter a virtual thread woke last, if it has not waited since. An unparked
     * virtual thread is queued on the unparker's carrier, so while that waiter has not resumed,
     * the unparker spinning would only keep it from running: LinkedTransferQueue asks the
     * carrier whether it has queued work ({@code ForkJoinWorkerThread.hasKnownQueuedWork}, not
     * public); this is the same question asked of the one task we know we queued.
     *
     * <p>Kept in a small table indexed by thread id, not a ThreadLocal: a ThreadLocal lookup
     * touches three cold objects of the waiting thread, and W7's 10,000 receivers each wait
     * once per round, so it cost about 13% of a receive in a profile of W7's shape (and made a
     * map in every virtual thread that waited). Slot {@code i} holds a waker and its waiter in
     * elements {@code i * STRIDE} and {@code + 1}, a cache line apart from the next slot so
     * that wakers on two carriers do not contend. Two threads may share a slot; then one
     * loses its hint or reads the other's, which only changes whether it pauses or yields
     * while it spins. A slot keeps its waker and waiter (and so the value that waiter received)
     * reachable until the waker's next spinning wait or another waker's note takes the slot:
     * at most SLOTS of each, where the ThreadLocal kept one per live waker.
     */
    private static final int SLOTS = 64;
    private static final int STRIDE = 16;
    private static final Object[] LAST_WOKEN = new Object[SLOTS * STRIDE];

    private static int slot(Thread t) {
        return ((int) t.threadId() & (SLOTS - 1)) * STRIDE;
    }

    /** Notes that the current thread just unparked {@code w}, which was parked or parking. */
    static void woke(Waiter w) {
        Thread t = Thread.currentThread();
        if (t.isVirtual()) {
            int i = slot(t);
            LAST_WOKEN[i + 1] = w;
            LAST_WOKEN[i] = t;
        }
    }

    /** The waiter the current thread woke last, forgetting it; null if none. */
    private static Waiter takeLastWoken() {
        Thread t = Thread.currentThread();
        int i = slot(t);
        if (LAST_WOKEN[i] != t) {
            return null;
        }
        Object w = LAST_WOKEN[i + 1];
        LAST_WOKEN[i] = null;
        LAST_WOKEN[i + 1] = null;
        return w instanceof Waiter waiter ? waiter : null;
    }

    /**
     * Waits until {@code w} is DONE (or, a plain node, DONE_CLOSED), or gives up: on interrupt
     * (INTERRUPTED, flag cleared) or, when {@code clock} is non-null, at {@code deadline}
     * (TIMED_OUT). A select's waiter gives up by claiming itself; a plain operation's node (its
     * {@code owner} channel non-null) through {@link Chan#cancel}, which claims it and then
     * takes it out of the channel's slot or queue. If a partner claimed or took the waiter
     * first, the operation completes: this returns DONE, and an interrupt that arrived
     * meanwhile is kept in the thread's flag. It first spins up to {@code spins} times,
     * returning DONE_SPINNING if that was enough.
     *
     * <p>While a thread this one woke has not resumed, it is most likely queued on this
     * carrier, so instead of a pause the spin yields the carrier to it: the partner runs at
     * once, often completes this waiter, and neither side parks (measured on the test
     * machine, it took unbuffered producer/consumer from 200-1900 ns per message, in modes that
     * changed from run to run, to 70-250). The yields count against the budget, so the wait
     * still ends in a park: yielding without end could keep a carrier busy with yielders while
     * the work they wait for sits in the pool's shared queue.
     */
    static int await(Waiter w, Object blocker, Chan<?> owner, Clock clock, long deadline,
            int spins) {
        // A wait that does not spin leaves the hint for one that does: it is only read there.
        Waiter woken = spins > 0 ? takeLastWoken() : null;
        for (int i = spins; i > 0; i--) {
            if (w.state >= Waiter.DONE) {
                return DONE_SPINNING;
            }
            if (woken != null && (woken.parking || woken.yielding)) {
                w.yielding = true;
                Thread.yield();
                w.yielded();
            } else {
                Thread.onSpinWait();
            }
        }

        // Announce the park, then look again (see Waiter.unpark for the pairing).
        w.parking = true;
        int outcome = parkUntilDone(w, blocker, owner, clock, deadline);
        w.resumed();
        return outcome;
    }

    private static int parkUntilDone(Waiter w, Object blocker, Chan<?> owner, Clock clock,
            long deadline) {
        boolean interrupted = false;
        int st;
        while ((st = w.state) < Waiter.DONE) {
            if (st == Waiter.WAITING) {
                if (Thread.interrupted()) {
                    if (owner != null ? owner.cancel((Node) w) : w.tryClaim()) {
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
                // A select CLAIMED by a partner that holds a channel lock and will unpark us
                // right after completing; clear the flag so that park really waits.
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
