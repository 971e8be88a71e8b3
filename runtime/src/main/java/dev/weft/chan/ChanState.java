package dev.weft.chan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The part of a channel that every operation writes: an unbuffered channel's rendezvous slot
 * (atomic; see Chan's design note), its spin lock word, and, guarded by the lock, the closed
 * flag, the waiter to wake, and its two FIFOs of blocked nodes (Go's {@code recvq} and
 * {@code sendq}, each a {@code waitq}). Nodes whose waiter was claimed elsewhere (a select
 * that won on another channel, a waiter that gave up) are dropped when met, as Go's
 * {@code dequeue} does.
 *
 * <p>Why a superclass of {@link Chan}: the JVM lays a superclass's fields out first and together,
 * so these fields (about 32 bytes) sit next to each other, apart from the channel's read-only
 * fields. Every locked unbuffered hand-off takes the lock and reads and writes the queue heads
 * right after the other core did, so each cache line they spread over costs one more transfer
 * per message. Measured
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
    /**
     * An unbuffered channel's rendezvous slot (see Chan's design note): null when nobody
     * waits, the node of the one plain send or receive that waits (or waited: a node taken
     * stays until the next operation replaces it, and holds no value or thread by then),
     * {@link #SLOT_LOCKED} while the queues below are in use, {@link #SLOT_CLOSED} once
     * closed. Always null in a buffered channel.
     */
    volatile Object slot;
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

    /** {@link #slot}: the queues (or the lock) decide; operations must take the lock. */
    static final Object SLOT_LOCKED = new Sentinel("locked");
    /** {@link #slot}: the channel is closed. */
    static final Object SLOT_CLOSED = new Sentinel("closed");

    private record Sentinel(String name) {}

    final boolean casSlot(Object expected, Object value) {
        return SLOT.compareAndSet(this, expected, value);
    }

    /**
     * Whether the slot says the channel is open and nobody waits: it is null or holds a node
     * already taken or given up. Then the queues are empty too (a queue holds nodes only while
     * the slot is SLOT_LOCKED or SLOT_CLOSED).
     */
    final boolean nobodyInSlot() {
        Object s = slot;
        return s == null || s instanceof Node n && n.state != Waiter.WAITING;
    }

    /** Closes the slot; returns the plain waiter that was in it, if any. Caller holds the lock. */
    final Node closeSlotLocked() {
        return SLOT.getAndSet(this, SLOT_CLOSED) instanceof Node n ? n : null;
    }

    /**
     * Makes the slot SLOT_LOCKED (unless closed), so that nothing new waits there, and moves
     * the plain waiter that was in it, if it still waits, to its queue: with the slot taken
     * nobody else waits, so it goes first, as it came first. (A partner that read it from the
     * slot just before may still take it there: then it is stale in the queue, and dropped
     * when met.) A locked operation on an unbuffered channel calls this before it looks at the
     * queues. Caller holds the lock.
     */
    final void lockSlotLocked() {
        for (;;) {
            Object s = slot;
            if (s == SLOT_LOCKED || s == SLOT_CLOSED) {
                return;
            }
            if (casSlot(s, SLOT_LOCKED)) {
                if (s != null && ((Node) s).state == Waiter.WAITING) {
                    enqueueLocked((Node) s);
                }
                return;
            }
        }
    }

    /**
     * Lets plain operations use the slot again once no node waits in the queues; called by
     * the lock holder as it unlocks an unbuffered channel. A queue holding only stale select
     * nodes keeps the slot SLOT_LOCKED until their select unlinks them.
     */
    final void unlockSlotIfIdleLocked() {
        if (slot == SLOT_LOCKED && recvHead == null && sendHead == null) {
            SLOT.setRelease(this, null);
        }
    }

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
     * Unlinks {@code n}, the head of its queue. Its waiter spins on its cache line, so each
     * store to it may move that line once more: a plain node keeps its (now stale) flag, which
     * nobody reads once it is DONE (claimFirstLocked clears it if the node cannot be taken),
     * and its next link is cleared only when it points somewhere.
     */
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
     * Unlinks and takes the first live node of sendq (or recvq), now the caller's to complete
     * ({@link Node#finish}, or {@link Node#finishClosed} when {@code closing}), or returns null.
     * Nodes that someone else took, or whose waiter gave up, are unlinked and skipped: a plain
     * node can be taken through the slot by a partner that read it there just before it was
     * moved here, and a select's waiter through any of its channels. Caller holds the lock.
     */
    final Node claimFirstLocked(boolean senders, boolean closing) {
        Node n;
        while ((n = senders ? sendHead : recvHead) != null) {
            popLocked(n);
            if (closing ? n.takeClosed() : n.take()) {
                return n;
            }
            n.queued = false; // popLocked kept it for a plain node it expected to take
        }
        return null;
    }

    private static final VarHandle SLOT;

    static {
        try {
            SLOT = MethodHandles.lookup().findVarHandle(ChanState.class, "slot", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
