package dev.weft.chan;

/**
 * A channel's two FIFOs of blocked nodes (Go's {@code recvq} and {@code sendq}, each a
 * {@code waitq}), guarded by the channel's lock. Nodes whose waiter was claimed elsewhere (a
 * select that won on another channel, a waiter that gave up) are dropped when met, as Go's
 * {@code dequeue} does.
 *
 * <p>Why a superclass of {@link Chan} and not two objects it points to: a field of a superclass
 * lives in the same object, next to the channel's lock word. Every unbuffered hand-off reads
 * and writes the queue heads right after taking the lock, on the other core's last write, so
 * each separate queue object was one more cache-line transfer per message. Measured with
 * {@code dev.weft.bench.HandoffModes} (JMH's W1 and W2 methods in one JVM, alternating with
 * SynchronousQueue, three runs each, idle 2-core machine): W2's median went from 390-399 ns to
 * 307-318 (SynchronousQueue 281-292 in the same runs), W1's from 386-396 to 353-377. Inheritance
 * keeps the queue code in its own class; nothing here is public, so Chan's API is unchanged.
 *
 * <p>Invariant: {@code prev}, {@code next} and {@code queued} of a node are read and written
 * only under the lock of the channel whose queue holds (or held) it.
 */
abstract class WaitQueues {
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
            unlinkLocked(n);
            if (n.isSolo() || n.waiter.tryClaim()) {
                return n;
            }
        }
        return null;
    }
}
