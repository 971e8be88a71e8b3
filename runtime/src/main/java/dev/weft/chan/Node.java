package dev.weft.chan;

/**
 * One case of one waiter, linked into one channel's queue (Go's {@code sudog}). A plain send or
 * receive has one node that is its own waiter (it extends {@link Waiter} for that), so blocking
 * allocates one object, and a small one: a hand-off moves this object between cores, and every
 * cache line it spans costs a transfer. A select has one {@link SelectNode} per channel case,
 * each pointing to the select's shared waiter; only those carry the pointer and a case number,
 * which keeps a plain node at 40 bytes instead of 48.
 *
 * <p>For a send, {@code item} holds the offered value until a receiver takes it.
 *
 * <p>Invariant: {@code prev}, {@code next} and {@code queued} are read and written only under
 * the lock of the channel whose queue holds (or held) the node. A plain node taken from the
 * head of a queue keeps {@code queued} set: it is DONE by the time anyone could look, and one
 * store less to the line its waiter spins on is worth it (see ChanState.popLocked). One
 * that could not be taken (its waiter gave up) has the flag cleared, since its waiter unlinks
 * it by that flag (Chan.cancel).
 */
class Node extends Waiter {
    /** Which queue of a channel this node waits in: sendq (true) or recvq. */
    final boolean send;
    Node prev;
    Node next;
    boolean queued;

    Node(Thread thread, boolean send) {
        super(thread);
        this.send = send;
    }

    /** The node, and waiter, of one plain blocking send or receive by {@code thread}. */
    static Node solo(Thread thread, boolean send) {
        return new Node(thread, send);
    }

    /** The waiter this node belongs to: itself for a plain send or receive. */
    Waiter waiter() {
        return this;
    }

    /** Whether this is a plain operation's node, which only holders of its channel's lock touch. */
    boolean isSolo() {
        return true;
    }

    /** The case this node stands for (0 for a plain operation). */
    int caseIndex() {
        return 0;
    }

    /**
     * Takes this node for its partner, who then completes it with {@link #finish}; false if
     * someone else took it or its waiter gave up. A plain node is taken and done in one CAS
     * (WAITING to DONE); a select's shared waiter is claimed, and DONE follows in finish.
     */
    boolean take() {
        return casState(DONE);
    }

    /** As {@link #take}, for a close: completes {@link #finishClosed} the same way. */
    boolean takeClosed() {
        return casState(DONE_CLOSED);
    }

    /**
     * Completes a node its caller took: a receive gets {@code item}, a send's value was taken
     * (its item is null). A plain node is already DONE, and its waiter spins for the item until
     * this release store lands (see {@link #delivered}).
     */
    void finish(Object item) {
        if (item != null) {
            ITEM.setRelease(this, item);
        }
    }

    /** Completes a node its caller took with {@link #takeClosed}: nothing left to write. */
    void finishClosed() {
    }

    /**
     * The value a partner delivered to this plain receive node, which is DONE. The partner
     * stores it right after its CAS to DONE, a few instructions that never block, so this
     * spins; past a thousand spins (its carrier preempted) it yields between looks.
     */
    Object delivered() {
        Object v;
        for (int i = 0; (v = ITEM.getAcquire(this)) == null; i++) {
            if (i < 1_000) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        return v;
    }

    /**
     * Drops what a plain node whose wait ended still references, called by its own waiter: a
     * taken node stays in its channel's slot until the next operation replaces it (see Chan's
     * design note), and an idle channel must not keep the last value it carried, or the
     * goroutine that carried it, reachable. A send's value is not dropped here: a partner that
     * takes the node under the lock reads the value after the take, when this may already run.
     * The partner that takes it through the slot drops it instead (a node taken under the lock
     * has left its queue, so nothing keeps it).
     */
    void forget() {
        thread = null;
        if (!send) {
            item = null;
        }
    }

    /** The value a send node offers (null for a receive). */
    Object offer() {
        return item;
    }

    void offer(Object v) {
        item = v;
    }
}
