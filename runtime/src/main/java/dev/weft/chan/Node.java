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
 * store less to the line its waiter spins on is worth it (see ChanState.popLocked).
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
        Node n = new Node(thread, send);
        n.ok = true; // so that a partner completing it need not write ok (see Waiter.complete)
        return n;
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

    /** The value a send node offers (null for a receive). */
    Object offer() {
        return item;
    }

    void offer(Object v) {
        item = v;
    }
}
