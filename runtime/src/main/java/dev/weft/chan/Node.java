package dev.weft.chan;

/**
 * One case of one waiter, linked into one channel's queue (Go's {@code sudog}). A select has one
 * node per channel case, all pointing to the select's waiter; a plain send or receive has one
 * node that is its own waiter (it extends {@link Waiter} for that), so blocking allocates one
 * object.
 *
 * <p>Invariant: {@code prev}, {@code next} and {@code queued} are read and written only under
 * the lock of the channel whose queue holds (or held) the node.
 */
final class Node extends Waiter {
    final Waiter waiter;
    final int caseIndex;
    /** Which queue of a channel this node waits in: sendq (true) or recvq. */
    final boolean send;
    /** The value a send offers; null for a receive. */
    Object offer;
    Node prev;
    Node next;
    boolean queued;

    /** A node of a select's waiter. Its own Waiter fields go unused. */
    Node(Waiter waiter, int caseIndex, boolean send) {
        super(null);
        this.waiter = waiter;
        this.caseIndex = caseIndex;
        this.send = send;
    }

    private Node(Thread thread, boolean send) {
        super(thread);
        this.waiter = this;
        this.caseIndex = 0;
        this.send = send;
    }

    /** The node, and waiter, of one plain blocking send or receive by {@code thread}. */
    static Node solo(Thread thread, boolean send) {
        return new Node(thread, send);
    }
}
