package dev.weft.context;

import java.util.ArrayDeque;

/**
 * A member of a cancel tree: a cancellable context or an afterFunc registration, linked into
 * its nearest cancellable ancestor's list of children.
 */
abstract class Node {
    /**
     * The CancelCtx whose child list this node is in, or the {@link AfterFunc} watching a
     * context of a foreign type for it; null when nothing above can cancel it. Volatile: read by
     * the cancel of this node, written by its attachment, which may race with it.
     */
    volatile Object owner;
    /** Siblings in the owner's child list; guarded by the owner's monitor while it is live. */
    Node prev;
    Node next;

    /**
     * Marks this node done because its owner is, with the owner's state; never blocks.
     *
     * @return the first of this node's own children, to be cancelled in turn, or null
     */
    abstract Node parentDone(Done d);

    /**
     * Cancels {@code first}, its siblings and all their descendants with {@code d}: an explicit
     * stack of sibling chains rather than recursion, so a chain of contexts a million deep
     * cannot overflow the stack.
     */
    static void cancelAll(Node first, Done d) {
        ArrayDeque<Node> chains = new ArrayDeque<>();
        chains.push(first);
        while (!chains.isEmpty()) {
            Node n = chains.pop();
            Node sibling = n.next;
            // The detached list is ours alone now: unlink so a cancelled node kept alive by the
            // program does not keep its siblings alive.
            n.prev = null;
            n.next = null;
            if (sibling != null) {
                chains.push(sibling);
            }
            Node kids = n.parentDone(d);
            if (kids != null) {
                chains.push(kids);
            }
        }
    }
}
