package dev.weft.context;

import dev.weft.chan.RecvChan;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Walks up a context chain without recursion through the layers Weft knows (values, cancel,
 * withoutCancel), asking a context of a foreign type only when it reaches one; chains
 * thousands deep cost no stack.
 */
final class Contexts {
    private Contexts() {}

    /**
     * The context whose end {@code c} shares: a CancelCtx, a context of a foreign type, or null
     * when nothing above can ever be done.
     */
    static Context canceller(Context c) {
        while (c instanceof ValueCtx v) {
            c = v.parent;
        }
        return c instanceof Background || c instanceof WithoutCancelCtx ? null : c;
    }

    @SuppressWarnings("unchecked")
    static <T> T value(Context c, Key<T> key) {
        Objects.requireNonNull(key, "key must not be null");
        for (;;) {
            if (c instanceof ValueCtx v) {
                if (v.key == key) {
                    return (T) v.value;
                }
                c = v.parent;
            } else if (c instanceof CancelCtx cc) {
                c = cc.parent;
            } else if (c instanceof WithoutCancelCtx w) {
                c = w.parent;
            } else if (c instanceof Background) {
                return null;
            } else {
                return c.value(key);
            }
        }
    }

    static Optional<Instant> deadline(Context c) {
        for (;;) {
            if (c instanceof TimerCtx t) {
                return Optional.of(t.deadlineInstant());
            } else if (c instanceof ValueCtx v) {
                c = v.parent;
            } else if (c instanceof CancelCtx cc) {
                c = cc.parent;
            } else if (c instanceof Background || c instanceof WithoutCancelCtx) {
                return Optional.empty();
            } else {
                return c.deadline();
            }
        }
    }

    static AfterFunc afterFunc(Context start, Runnable f) {
        Objects.requireNonNull(f, "function must not be null");
        Context c = canceller(start);
        if (c == null) {
            return new AfterFuncNode(f); // never runs; stop() is true once
        }
        if (c instanceof CancelCtx cc) {
            return AfterFuncNode.register(cc, f);
        }
        if (c != start) {
            return c.afterFunc(f); // a foreign type may know a cheaper way
        }
        RecvChan<Void> done = c.done();
        return done == null ? new AfterFuncNode(f) : Watcher.start(done, f);
    }
}
