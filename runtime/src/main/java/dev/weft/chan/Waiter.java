package dev.weft.chan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * A blocked goroutine: one per blocking operation, shared by all the nodes of one select (Go's
 * {@code g} with its {@code selectDone} flag; a {@link SelectWaiter}). A plain send or receive
 * has one node, which is its own waiter ({@link Node#solo}), so blocking allocates one object.
 *
 * <p>Whoever moves {@code state} out of WAITING (a CAS) owns the outcome: a partner that
 * completes the operation, a close, or the waiter itself giving up (interrupt, timeout). A
 * select's waiter can be reached through several channels at once, so its partner claims it
 * first and publishes case, item and ok with DONE after. A plain operation's node is taken in
 * one step: the CAS to DONE (or DONE_CLOSED) is the whole outcome for a send, and a receive's
 * value follows in {@code item} right after (see {@link Node#delivered}). One CAS, on the node
 * itself, is all a partner needs before its waiter may go on, and the only atomic instruction
 * of a hand-off through a channel's slot: the taken node stays in the slot until the next
 * operation there replaces it (see Chan's design note).
 *
 * <pre>
 *   select:  WAITING --claim by partner--> CLAIMED --complete--> DONE
 *            WAITING --claim by itself (interrupt, timeout)--> CLAIMED   (never DONE)
 *   plain:   WAITING --taken by a partner--> DONE          (a receive's item follows)
 *            WAITING --taken by close--> DONE_CLOSED
 *            WAITING --claim by itself (interrupt)--> CLAIMED   (never DONE)
 * </pre>
 *
 * Invariants: a select's item, ok and index are written only by its completer, before the
 * volatile write of DONE, and read only after reading DONE. A plain receive's item is written
 * once, by whoever took the node, and read only after DONE, by its waiter, which then clears
 * it (Node#forget). A waiter that sees CLAIMED it did not set waits only for the few
 * instructions its completer has left.
 */
abstract class Waiter {
    static final int WAITING = 0;
    static final int CLAIMED = 1;
    static final int DONE = 2;
    /** A plain node taken by close: its send fails, its receive gets (null, false). */
    static final int DONE_CLOSED = 3;

    /**
     * Set before the waiter is enqueued (under a channel lock), so partners see it. A plain
     * node's waiter clears it once its wait is over (Node#forget); a partner that reads it
     * after that finds null, and has nobody to unpark: the waiter is running.
     */
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
    /** The received value; a send node's offered value (see Node). */
    Object item;
    /** A select's outcome: a value was delivered, or the value taken (false: closed). */
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

    /** Moves a plain node from WAITING to {@code to} (DONE or DONE_CLOSED): see Node#take. */
    final boolean casState(int to) {
        return STATE.compareAndSet(this, WAITING, to);
    }

    /**
     * Publishes a select's outcome, case {@code index}. The caller claimed this waiter and
     * unparks {@link #thread} after.
     */
    void complete(int index, Object item, boolean ok) {
        this.item = item;
        this.ok = ok;
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
     * (a volatile write or a CAS) before this volatile read of {@link #parking}, and the waiter
     * writes parking before it reads the state again: one of the two always sees the other.
     */
    void unpark() {
        if (parking) {
            LockSupport.unpark(thread);
            Parking.woke(this);
        } else if (yielding) {
            Parking.woke(this); // already runnable: no unpark, but it waits to run
        }
    }

    /** {@link #item}, for a plain receive's value, stored after its node is DONE (see Node). */
    static final VarHandle ITEM;
    private static final VarHandle STATE;
    private static final VarHandle PARKING;
    private static final VarHandle YIELDING;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            ITEM = l.findVarHandle(Waiter.class, "item", Object.class);
            STATE = l.findVarHandle(Waiter.class, "state", int.class);
            PARKING = l.findVarHandle(Waiter.class, "parking", boolean.class);
            YIELDING = l.findVarHandle(Waiter.class, "yielding", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
