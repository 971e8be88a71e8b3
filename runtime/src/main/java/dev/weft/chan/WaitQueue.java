package dev.weft.chan;

/**
 * A FIFO of blocked nodes on one channel (Go's {@code waitq}), guarded by the channel's lock.
 * Nodes whose waiter was claimed elsewhere (a select that won on another channel, a waiter that
 * gave up) are dropped when met, as Go's {@code dequeue} does.
 */
final class WaitQueue {
    private Node head;
    private Node tail;

    boolean isEmpty() {
        return head == null;
    }

    void add(Node n) {
        n.queued = true;
        n.next = null;
        n.prev = tail;
        if (tail == null) {
            head = n;
        } else {
            tail.next = n;
        }
        tail = n;
    }

    void remove(Node n) {
        if (!n.queued) {
            return;
        }
        n.queued = false;
        Node p = n.prev;
        Node x = n.next;
        if (p == null) {
            head = x;
        } else {
            p.next = x;
        }
        if (x == null) {
            tail = p;
        } else {
            x.prev = p;
        }
        n.prev = null;
        n.next = null;
    }

    /**
     * Unlinks and returns the first live node, now the caller's to complete, or null. Nodes of
     * waiters claimed elsewhere are unlinked and skipped. A plain operation's node leaves the
     * queue only under this channel's lock (completed here, or given up through Chan.cancel),
     * so a queued one is always live and needs no claim; a select's waiter may be claimed
     * through another channel at any time, so it is claimed with a CAS.
     */
    Node claimFirst() {
        Node n;
        while ((n = head) != null) {
            remove(n);
            if (n.isSolo() || n.waiter.tryClaim()) {
                return n;
            }
        }
        return null;
    }
}
