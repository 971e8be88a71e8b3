package dev.weft.context;

import dev.weft.chan.Chan;
import dev.weft.chan.RecvChan;
import dev.weft.time.Cancellable;
import dev.weft.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A cancellable context, with an optional deadline.
 *
 * <p>Invariants: {@code err} goes from null to non-null once, under {@code lock}, together with
 * {@code cause}, and the done channel is closed right after; children are only added while not
 * done; a child registered with a done parent is cancelled at once.
 */
final class CancelCtx extends AbstractContext implements CancelCauseContext {
    private final Context parent;
    private final Instant deadline;
    private final Chan<Void> done = Chan.make();
    private final ReentrantLock lock = new ReentrantLock();
    private Set<CancelCtx> children; // guarded by lock
    private volatile ContextException err;
    private volatile Throwable cause;
    private Cancellable timer;       // guarded by lock

    CancelCtx(Context parent, Instant deadline) {
        this.parent = java.util.Objects.requireNonNull(parent, "parent context must not be null");
        this.deadline = deadline;
        propagateCancel();
        if (deadline != null && err == null) {
            Clock clock = Clock.current();
            long nanos = Duration.between(clock.now(), deadline).toNanos();
            if (nanos <= 0) {
                cancel(new DeadlineExceededException(null), null, true);
            } else {
                lock.lock();
                try {
                    if (err == null) {
                        timer = clock.schedule(nanos,
                                () -> cancel(new DeadlineExceededException(null), null, true));
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    private void propagateCancel() {
        Context p = parent;
        while (p instanceof ValueCtx v) {
            p = v.parent;
        }
        if (p instanceof CancelCtx cp) {
            cp.addChild(this);
            return;
        }
        RecvChan<Void> parentDone = parent.done();
        if (parentDone == null) {
            return;
        }
        if (parent.err() != null) {
            cancelFromParent();
            return;
        }
        // A context type of the user's own: watch it from a goroutine, as Go does.
        Thread.ofVirtual().name("weft-context-watch").start(() -> {
            try {
                dev.weft.chan.Select.on()
                        .recv(parentDone, this::cancelFromParent)
                        .recv(done, () -> { })
                        .run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void addChild(CancelCtx child) {
        lock.lock();
        try {
            if (err == null) {
                if (children == null) {
                    children = new LinkedHashSet<>();
                }
                children.add(child);
                return;
            }
        } finally {
            lock.unlock();
        }
        child.cancelFromParent();
    }

    private void removeChild(CancelCtx child) {
        lock.lock();
        try {
            if (children != null) {
                children.remove(child);
            }
        } finally {
            lock.unlock();
        }
    }

    private void cancelFromParent() {
        ContextException perr = parent.err();
        ContextException mine = perr instanceof DeadlineExceededException
                ? new DeadlineExceededException(null)
                : new ContextCanceledException(null);
        cancel(mine, parent.cause(), false);
    }

    /** Marks this context done with {@code e}, then its children; never blocks. */
    private void cancel(ContextException e, Throwable why, boolean detach) {
        Set<CancelCtx> kids;
        lock.lock();
        try {
            if (err != null) {
                return;
            }
            cause = why != null ? why : e;
            err = e;
            kids = children;
            children = null;
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
        } finally {
            lock.unlock();
        }
        done.close();
        if (kids != null) {
            for (CancelCtx k : kids) {
                k.cancelFromParent();
            }
        }
        if (detach) {
            Context p = parent;
            while (p instanceof ValueCtx v) {
                p = v.parent;
            }
            if (p instanceof CancelCtx cp) {
                cp.removeChild(this);
            }
        }
    }

    @Override
    public void cancel() {
        cancel(new ContextCanceledException(null), null, true);
    }

    @Override
    public void cancel(Throwable why) {
        cancel(new ContextCanceledException(null), why, true);
    }

    @Override
    public void close() {
        cancel();
    }

    @Override
    public RecvChan<Void> done() {
        return done;
    }

    @Override
    public ContextException err() {
        return err;
    }

    @Override
    public Throwable cause() {
        return err == null ? null : cause;
    }

    @Override
    public Optional<Instant> deadline() {
        return deadline != null ? Optional.of(deadline) : parent.deadline();
    }

    @Override
    public <T> T value(Key<T> key) {
        return parent.value(key);
    }

    @Override
    public String toString() {
        return parent + (deadline != null ? ".withDeadline(" + deadline + ")" : ".withCancel()");
    }
}
