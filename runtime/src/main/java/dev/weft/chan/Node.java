package dev.weft.chan;

/**
 * One case of one waiter, linked into one channel's queue (Go's {@code sudog}). A select has one
 * node per channel case, all pointing to the select's waiter; a plain send or receive has one
 * node that is its own waiter (it extends {@link Waiter} for that), so blocking allocates one
 * object, and a small one: a hand-off moves this object between cores, and every cache line it
 * spans costs a transfer.
 *
 * <p>A select's node does not use its own Waiter part, so two of its fields do double duty there:
 * {@code index} holds the case number and {@code item} the value a send case offers. For a plain
 * send, {@code item} holds the offered value until a receiver takes it.
 *
 * <p>Invariant: {@code prev}, {@code next} and {@code queued} are read and written only under
 * the lock of the channel whose queue holds (or held) the node.
 */
final class Node extends Waiter {
    /** The waiter this node belongs to: itself for a plain send or receive. */
    final Waiter waiter;
    /** Which queue of a channel this node waits in: sendq (true) or recvq. */
    final boolean send;
    Node prev;
    Node next;
    boolean queued;

    /** Node {@code caseIndex} of a select's waiter. */
    Node(Waiter waiter, int caseIndex, boolean send) {
        super(null);
        this.waiter = waiter;
        this.index = caseIndex;
        this.send = send;
    }

    private Node(Thread thread, boolean send) {
        super(thread);
        this.waiter = this;
        this.send = send;
    }

    /** The node, and waiter, of one plain blocking send or receive by {@code thread}. */
    static Node solo(Thread thread, boolean send) {
        return new Node(thread, send);
    }

    /** Whether this is a plain operation's node, which only holders of its channel's lock touch. */
    boolean isSolo() {
        return waiter == this;
    }

    /** The case this node stands for (0 for a plain operation). */
    int caseIndex() {
        return index;
    }

    /** The value a send node offers (null for a receive). */
    Object offer() {
        return item;
    }

    void offer(Object v) {
        item = v;
    }
}
