package dev.weft.goroutine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The live goroutines of one scope, to interrupt them: an intrusive lock-free list through
 * {@link Goroutine#nextSibling}, cheaper on the spawn path than a concurrent set (W6 measured
 * the set's add and remove at about a third of a scoped spawn).
 */
final class Children {
    /*
     * Design note.
     *
     * add() pushes at the head with a CAS (a Treiber stack); a goroutine that ends only marks
     * itself ended. Dead nodes are unlinked by sweep(), run by one thread at a time (the
     * `sweeping` flag) when the number of adds since the last sweep exceeds the number of live
     * goroutines then (at least 64), so sweeping costs O(1) per add amortized.
     *
     *   head -> g9 -> g8(ended) -> g7 -> g6(ended) -> null
     *   sweep:  g9.next = g7; g7.next = null          (the head itself is never unlinked)
     *
     * Only add() writes head, and only before publishing its node's next; only sweep() writes
     * an interior next. A reader (forEachLive) racing with sweep() may stand on a node just
     * unlinked: its next still leads into the list, and sweep() only bypasses ended nodes, so
     * every live goroutine stays reachable from every node before it. nextSibling and ended
     * are plain fields read racily: a stale read only visits an ended goroutine (interrupting
     * a finished thread is harmless) or delays its unlinking to the next sweep.
     *
     * Invariant: every goroutine added and not ended is reachable from head.
     */

    private static final VarHandle HEAD;
    private static final VarHandle SWEEPING;
    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            HEAD = l.findVarHandle(Children.class, "head", Goroutine.class);
            SWEEPING = l.findVarHandle(Children.class, "sweeping", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile Goroutine head;
    private volatile boolean sweeping;
    /** Adds since the last sweep and live goroutines it found: racy counts, a heuristic. */
    private int sinceSweep;
    private int liveAtSweep;

    void add(Goroutine g) {
        Goroutine h;
        do {
            h = head;
            g.nextSibling = h;
        } while (!HEAD.compareAndSet(this, h, g));
        if (++sinceSweep > Math.max(64, liveAtSweep) && SWEEPING.compareAndSet(this, false, true)) {
            try {
                sweep();
            } finally {
                sweeping = false;
            }
        }
    }

    private void sweep() {
        sinceSweep = 0;
        Goroutine pred = head;
        if (pred == null) {
            return;
        }
        int live = 1;
        for (Goroutine cur = pred.nextSibling; cur != null; ) {
            Goroutine next = cur.nextSibling;
            if (cur.ended) {
                pred.nextSibling = next; // unlink; cur.nextSibling still leads on for readers
            } else {
                pred = cur;
                live++;
            }
            cur = next;
        }
        liveAtSweep = live;
    }

    /** Interrupts every goroutine not ended, except {@code except}. */
    void interruptAll(Goroutine except) {
        for (Goroutine g = head; g != null; g = g.nextSibling) {
            if (!g.ended && g != except) {
                g.thread.interrupt();
            }
        }
    }

    /** Drops every node; only when no goroutine is running or being started. */
    void clear() {
        head = null;
    }
}
