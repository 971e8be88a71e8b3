package dev.weft.context;

import dev.weft.chan.Chan;
import dev.weft.chan.RecvChan;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A cancellable context: Go's {@code cancelCtx}. */
class CancelCtx extends Node implements CancelCauseContext {
    /*
     * Design note: the cancel tree.
     *
     * Each CancelCtx keeps an intrusive doubly linked list of its children (Node.prev/next,
     * head firstChild): the cancellable contexts and afterFunc registrations whose nearest
     * cancellable ancestor it is (value and withoutCancel layers in between are skipped, as Go
     * skips them by finding the parent *cancelCtx). Adding and removing a child is O(1) under
     * the parent's monitor and costs no per-parent HashSet (Go's children map).
     *
     *   live --cancel / parent done / deadline--> done     (once; state never changes again)
     *
     * Cancel, under this context's monitor: if done, return; publish `state`; close the done
     * channel if it was ever made; take the child list (firstChild = null). Then, without the
     * monitor: stop the timer, leave the parent's list, and cancel the taken children and their
     * descendants with the same Done (Node.cancelAll: an explicit stack, no recursion). A child
     * that cancels itself meanwhile finds its parent done and leaves the list alone, so the
     * taken list is private to the canceller. A child added to a done parent is cancelled by
     * the adder, at once: born done with the parent's error and cause.
     *
     * The done channel is made on first request (most contexts are never selected on); made
     * after the end it is a shared closed channel.
     *
     * Invariants: state goes from null to non-null once, under the monitor, just before the
     * done channel (if any) is closed; err() and cause() wait out that close (see settled()),
     * so err() != null implies done() is closed (Go issue 75533) and a receiver woken by the
     * close finds err() set;
     * firstChild is null once done; a node is in at most one list, its owner's.
     *
     * Differences from Go: a parent of a foreign type is watched through its afterFunc (by
     * default a virtual thread per child, as Go's goroutine per child). Go cancels children
     * while holding the parent's lock, so a second, concurrent cancel of the same parent waits
     * until the whole subtree is done; here it returns at once and the first canceller finishes
     * the subtree. Every cancel that ends a context returns only after all its descendants
     * (linked through Weft contexts) are done. The errors are Go's two sentinels, shared
     * stackless instances (see ContextException), and a child cancelled by its parent shares
     * the parent's Done: a cancel without a cause allocates nothing and walks no stack.
     */

    static final Chan<Void> CLOSED = closedChannel();
    /** Returned by markDone when the context was done before. */
    private static final Node ALREADY = new Node() {
        @Override
        Node parentDone(Done d) {
            throw new AssertionError("unreachable: the ALREADY marker is never in a tree");
        }
    };

    final Context parent;
    private volatile Done state;       // null while live
    private volatile Chan<Void> done;  // made lazily, under the monitor
    private Node firstChild;           // guarded by this; null once done

    CancelCtx(Context parent) {
        this.parent = Objects.requireNonNull(parent, "parent context must not be null");
    }

    /** Go's WithCancel: a new child of {@code parent}, attached to it. */
    static CancelCtx create(Context parent) {
        CancelCtx c = new CancelCtx(parent);
        c.attach();
        return c;
    }

    private static Chan<Void> closedChannel() {
        Chan<Void> c = Chan.make();
        c.close();
        return c;
    }

    /** Go's propagateCancel: join the nearest cancellable ancestor, or watch a foreign one. */
    final void attach() {
        Context signal = Contexts.canceller(parent);
        if (signal == null) {
            return; // nothing above can ever be done
        }
        if (signal instanceof CancelCtx p) {
            p.addChild(this);
            return;
        }
        if (signal.done() == null) {
            return;
        }
        if (parent.err() != null) {
            cancel(foreignDone(), false);
            return;
        }
        AfterFunc watch = signal.afterFunc(() -> cancel(foreignDone(), false));
        owner = watch;
        if (state != null) {
            watch.stop(); // cancelled while we registered: the watch must not outlive us
        }
    }

    private Done foreignDone() {
        ContextException e = parent.err();
        return new Done(e != null ? e : ContextCanceledException.CANCELED, parent.cause());
    }

    /** Links {@code child} in, or, if this context is done, ends the child at once. */
    final void addChild(Node child) {
        Done d;
        synchronized (this) {
            d = state;
            if (d == null) {
                child.owner = this;
                child.next = firstChild;
                if (firstChild != null) {
                    firstChild.prev = child;
                }
                firstChild = child;
                return;
            }
        }
        Node kids = child.parentDone(d);
        if (kids != null) {
            Node.cancelAll(kids, d);
        }
    }

    /** Unlinks {@code child}, unless this context is done (its canceller owns the list). */
    final void removeChild(Node child) {
        synchronized (this) {
            if (state != null) {
                return;
            }
            if (child.prev != null) {
                child.prev.next = child.next;
            } else if (firstChild == child) {
                firstChild = child.next;
            } else {
                return; // not linked (never was, or already removed)
            }
            if (child.next != null) {
                child.next.prev = child.prev;
            }
            child.prev = null;
            child.next = null;
        }
    }

    /** Ends this context with {@code d}; with {@code detach}, also leaves the parent's list. */
    final void cancel(Done d, boolean detach) {
        Node kids = markDone(d);
        if (kids == ALREADY) {
            return;
        }
        afterDone();
        if (detach) {
            detach();
        }
        if (kids != null) {
            Node.cancelAll(kids, d);
        }
    }

    @Override
    final Node parentDone(Done d) {
        Node kids = markDone(d);
        if (kids == ALREADY) {
            return null;
        }
        afterDone();
        return kids;
    }

    /** The state change itself; returns the taken children, null, or ALREADY. */
    private Node markDone(Done d) {
        synchronized (this) {
            if (state != null) {
                return ALREADY;
            }
            state = d; // first: a receiver woken by the close must find err() set
            Chan<Void> ch = done;
            if (ch != null) {
                ch.close();
            }
            Node kids = firstChild;
            firstChild = null;
            return kids;
        }
    }

    /** Children linked now; for tests of detachment. */
    final synchronized int childCount() {
        int n = 0;
        for (Node c = firstChild; c != null; c = c.next) {
            n++;
        }
        return n;
    }

    /** Hook run once, right after this context became done, outside the monitor. */
    void afterDone() {}

    private void detach() {
        Object o = owner;
        if (o instanceof CancelCtx p) {
            p.removeChild(this);
        } else if (o instanceof AfterFunc watch) {
            watch.stop();
        }
    }

    @Override
    public final void cancel() {
        cancel(Done.CANCELED, true);
    }

    @Override
    public final void cancel(Throwable cause) {
        cancel(cause == null ? Done.CANCELED : new Done(ContextCanceledException.CANCELED, cause), true);
    }

    @Override
    public final void close() {
        cancel();
    }

    @Override
    public final RecvChan<Void> done() {
        Chan<Void> d = done;
        if (d != null) {
            return d;
        }
        synchronized (this) {
            if (done == null) {
                done = state != null ? CLOSED : Chan.make();
            }
            return done;
        }
    }

    @Override
    public final ContextException err() {
        Done d = settled();
        return d == null ? null : d.err();
    }

    @Override
    public final Throwable cause() {
        Done d = settled();
        return d == null ? null : d.cause();
    }

    /**
     * The state, once the done channel is closed too: markDone publishes the state, then closes
     * the channel, both under the monitor; a reader that sees the state while a channel exists
     * takes the monitor to wait out the close (Go's Err waits on Done the same way).
     */
    private Done settled() {
        Done d = state;
        if (d != null && done != null) {
            synchronized (this) {
                return d;
            }
        }
        return d;
    }

    @Override
    public Optional<Instant> deadline() {
        return Contexts.deadline(parent);
    }

    @Override
    public final <T> T value(Key<T> key) {
        return Contexts.value(parent, key);
    }

    @Override
    public String toString() {
        return parent + ".withCancel()";
    }
}
