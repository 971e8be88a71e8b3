package dev.weft.context;

import dev.weft.chan.RecvChan;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A context carrying one key-value pair; everything else comes from its parent. */
final class ValueCtx implements Context {
    final Context parent;
    final Key<?> key;
    final Object value;

    ValueCtx(Context parent, Key<?> key, Object value) {
        this.parent = Objects.requireNonNull(parent, "parent context must not be null");
        this.key = key;
        this.value = value;
    }

    @Override
    public RecvChan<Void> done() {
        Context c = Contexts.canceller(parent);
        return c == null ? null : c.done();
    }

    @Override
    public ContextException err() {
        Context c = Contexts.canceller(parent);
        return c == null ? null : c.err();
    }

    @Override
    public Throwable cause() {
        Context c = Contexts.canceller(parent);
        return c == null ? null : c.cause();
    }

    @Override
    public Optional<Instant> deadline() {
        return Contexts.deadline(parent);
    }

    @Override
    public <T> T value(Key<T> k) {
        return Contexts.value(this, k);
    }

    @Override
    public String toString() {
        return parent + ".withValue(" + key + ", " + value + ")";
    }
}
