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
    /** The value a send offers; null for a receive. */
    Object offer;
    Node prev;
    Node next;
    boolean queued;

    /** A node of a select's waiter. Its own Waiter fields go unused. */
    Node(Waiter waiter, int caseIndex) {
        super(null);
        this.waiter = waiter;
        this.caseIndex = caseIndex;
    }

    private Node(Thread thread) {
        super(thread);
        this.waiter = this;
        this.caseIndex = 0;
    }

    /** The node, and waiter, of one plain blocking operation by {@code thread}. */
    static Node solo(Thread thread) {
        return new Node(thread);
    }
}
