package dev.weft.chan;

/**
 * One case of one waiter, linked into one channel's queue (Go's {@code sudog}). A plain send or
 * receive has one node; a select has one per channel case, all pointing to the same waiter.
 *
 * <p>Invariant: {@code prev}, {@code next} and {@code queued} are read and written only under
 * the lock of the channel whose queue holds (or held) the node.
 */
final class Node {
    final Waiter waiter;
    final int caseIndex;
    /** The value a send offers; null for a receive. */
    Object item;
    Node prev;
    Node next;
    boolean queued;

    Node(Waiter waiter, int caseIndex) {
        this.waiter = waiter;
        this.caseIndex = caseIndex;
    }
}
