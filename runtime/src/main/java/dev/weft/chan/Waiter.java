package dev.weft.chan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * A blocked goroutine: one per blocking operation, shared by all the nodes of one select (Go's
 * {@code g} with its {@code selectDone} flag; a {@link SelectWaiter}). A plain send or receive
 * has one node, which is its own waiter ({@link Node#solo}), so blocking allocates one object.
 *
 * <p>A select's waiter can be reached through several channels at once, under different locks,
 * so whoever moves {@code state} from WAITING to CLAIMED (a CAS) owns the outcome: a partner
 * that completes the operation, a close, or the waiter itself giving up (interrupt, timeout).
 * A plain operation's node is reached through one channel only, and whoever takes it out of
 * that channel's slot (a CAS) or queue (under the lock) owns it, including the waiter when it
 * gives up ({@link Chan#cancel}): its partner completes it without a claim, which saves an
 * atomic operation on every hand-off.
 *
 * <pre>
 *   select:  WAITING --claim by partner--> CLAIMED --complete--> DONE
 *            WAITING --claim by itself (interrupt, timeout)--> CLAIMED   (never DONE)
 *   plain:   WAITING --complete, by whoever took it from the slot or queue--> DONE
 *            WAITING --cancel, having taken it back itself--> CLAIMED   (never DONE)
 * </pre>
 *
 * Invariants: item and ok (and a select's index) are written only by the completer, before the volatile write
 * of DONE, and read only after reading DONE. A waiter that sees CLAIMED, or that finds its
 * node taken, waits only for the few instructions its completer has left.
 */
abstract class Waiter {
    static final int WAITING = 0;
    static final int CLAIMED = 1;
    static final int DONE = 2;

    /** Set before the waiter is enqueued (under a channel lock), so partners see it. */
    Thread thread;
    volatile int state;
    /**
     * Set by the waiting thread once it stops spinning and is about to park, cleared when it
     * resumes (LinkedTransferQueue's {@code waiter} field). A completer unparks only a waiter
     * that announced this; one that is still spinning sees DONE without being unparked.
     */
    volatile boolean parking;
    /**
     * Set while the waiting thread has yielded its carrier to a partner (see Parking.await): it
     * is queued, not running, so whoever completes it should not spin for its reply either.
     */
    volatile boolean yielding;
    /** The received value. */
    Object item;
    /** Receive: a value was delivered (false: closed). Send: the value was taken (false: closed). */
    boolean ok;

    Waiter(Thread thread) {
        this.thread = thread;
    }

    /**
     * Clears {@link #parking} once the thread runs again after parking. A release
     * store, not a volatile one: no reader depends on seeing the clear at once (a completer
     * reads {@code parking} only before DONE, and Parking reads it only as a hint), and a
     * volatile store's full fence is paid by every woken receiver: W7's shape (10,000
     * receivers, one sender) ran 7-52 ns per message faster without it, in 4 of 4 alternating
     * runs of a scratch harness on the idle 2-core test machine.
     */
    void resumed() {
        PARKING.setRelease(this, false);
    }

    /** Clears {@link #yielding} when the yield returns; a hint, as in {@link #resumed()}. */
    void yielded() {
        YIELDING.setRelease(this, false);
    }

    boolean tryClaim() {
        return STATE.compareAndSet(this, WAITING, CLAIMED);
    }

    /**
     * Publishes the outcome of case {@code index} (a plain operation's is 0, and it keeps no
     * index). The caller claimed this waiter, or holds the lock of a plain node's channel, and
     * unparks {@link #thread} after.
     */
    void complete(int index, Object item, boolean ok) {
        if (item != null) {
            this.item = item;
        }
        if (this.ok != ok) {
            this.ok = ok;
        }
        state = DONE;
    }

    /** Makes a finished waiter reusable (a select's, by the same prepared select). */
    void reset(Thread thread) {
        this.thread = thread;
        this.item = null;
        this.ok = false;
        this.parking = false;
        STATE.setRelease(this, WAITING);
    }

    /**
     * Wakes the thread of a completed waiter if it parks or is about to. The caller wrote DONE
     * (a volatile write) before this volatile read of {@link #parking}, and the waiter writes
     * parking before it reads the state again: one of the two always sees the other.
     */
    void unpark() {
        if (parking) {
            LockSupport.unpark(thread);
            Parking.woke(this);
        } else if (yielding) {
            Parking.woke(this); // already runnable: no unpark, but it waits to run
        }
    }

    private static final VarHandle STATE;
    private static final VarHandle PARKING;
    private static final VarHandle YIELDING;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATE = l.findVarHandle(Waiter.class, "state", int.class);
            PARKING = l.findVarHandle(Waiter.class, "parking", boolean.class);
            YIELDING = l.findVarHandle(Waiter.class, "yielding", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
