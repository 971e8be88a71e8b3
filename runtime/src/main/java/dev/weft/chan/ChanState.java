package dev.weft.chan;

/**
 * The part of a channel that every operation writes: its spin lock word, the closed flag, the
 * waiter to wake, and its two FIFOs of blocked nodes (Go's {@code recvq} and {@code sendq}, each
 * a {@code waitq}), all guarded by the lock. Nodes whose waiter was claimed elsewhere (a select
 * that won on another channel, a waiter that gave up) are dropped when met, as Go's
 * {@code dequeue} does.
 *
 * <p>Why a superclass of {@link Chan}: the JVM lays a superclass's fields out first and together,
 * so these 28 bytes sit next to each other, apart from the channel's read-only fields. Every
 * unbuffered hand-off takes the lock and reads and writes the queue heads right after the other
 * core did, so each cache line they spread over costs one more transfer per message. Measured
 * with {@code dev.weft.bench.HandoffModes} (JMH's W1 and W2 methods in one JVM, alternating with
 * SynchronousQueue, idle 2-core machine, medians):
 * <ul>
 *   <li>queues as two objects of their own, then as fields of the channel: W2 390-399 ns, then
 *       307-318 (SynchronousQueue 281-292), W1 386-396, then 353-377;
 *   <li>then moving the lock word, which the JVM had placed 56 bytes from the queue heads, in
 *       here with them, together with plain nodes of 40 bytes instead of 48 (see Node): W2
 *       314-323, then 298-305 (SynchronousQueue 281-296), W1 362-372, then 325-341 (three
 *       runs each).
 * </ul>
 * Inheritance keeps this code in a class of its own; nothing here is public, so Chan's API is
 * unchanged.
 *
 * <p>Invariant: {@code prev}, {@code next} and {@code queued} of a node are read and written
 * only under the lock of the channel whose queue holds (or held) it.
 */
abstract class ChanState {
    /** The spin lock word of an unbuffered channel (see Chan.lock): 1 while held. */
    volatile int locked;
    /** Whether the channel was closed; guarded by the lock. */
    boolean closed;
    /** The waiter an operation completed, to unpark once the lock is released; guarded by the lock. */
    Waiter wake;
    private Node recvHead;
    private Node recvTail;
    private Node sendHead;
    private Node sendTail;

    /** Appends {@code n} to sendq or recvq, as its kind says. Caller holds the lock. */
    final void enqueueLocked(Node n) {
        n.queued = true;
        n.next = null;
        Node t = n.send ? sendTail : recvTail;
        n.prev = t;
        if (t != null) {
            t.next = n;
        } else if (n.send) {
            sendHead = n;
        } else {
            recvHead = n;
        }
        if (n.send) {
            sendTail = n;
        } else {
            recvTail = n;
        }
    }

    /** Unlinks {@code n} if it is still queued here. Caller holds the lock. */
    final void unlinkLocked(Node n) {
        if (!n.queued) {
            return;
        }
        n.queued = false;
        Node p = n.prev;
        Node x = n.next;
        if (p != null) {
            p.next = x;
        } else if (n.send) {
            sendHead = x;
        } else {
            recvHead = x;
        }
        if (x != null) {
            x.prev = p;
        } else if (n.send) {
            sendTail = p;
        } else {
            recvTail = p;
        }
        n.prev = null;
        n.next = null;
    }

    /** Unlinks {@code n}, the head of its queue, writing to it only where needed. */
    private void popLocked(Node n) {
        Node x = n.next;
        if (n.send) {
            sendHead = x;
        } else {
            recvHead = x;
        }
        if (x != null) {
            x.prev = null;
            n.next = null;
        } else if (n.send) {
            sendTail = null;
        } else {
            recvTail = null;
        }
        if (!n.isSolo()) {
            n.queued = false;
        }
    }

    /**
     * Unlinks and returns the first live node of sendq (or recvq), now the caller's to
     * complete, or null. Nodes of waiters claimed elsewhere are unlinked and skipped. A plain
     * operation's node leaves the queue only under this channel's lock (completed here, or given
     * up through Chan.cancel), so a queued one is always live and needs no claim; a select's
     * waiter may be claimed through another channel at any time, so it is claimed with a CAS.
     * Caller holds the lock.
     */
    final Node claimFirstLocked(boolean senders) {
        Node n;
        while ((n = senders ? sendHead : recvHead) != null) {
            popLocked(n);
            if (n.isSolo() || n.waiter().tryClaim()) {
                return n;
            }
        }
        return null;
    }
}
