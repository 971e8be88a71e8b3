package dev.weft.context;

import dev.weft.chan.RecvChan;
import java.time.Instant;
import java.util.Optional;

/** A context carrying one key-value pair; everything else comes from its parent. */
final class ValueCtx extends AbstractContext {
    final Context parent;
    private final Key<?> key;
    private final Object value;

    ValueCtx(Context parent, Key<?> key, Object value) {
        this.parent = parent;
        this.key = key;
        this.value = value;
    }

    @Override
    public RecvChan<Void> done() {
        return parent.done();
    }

    @Override
    public ContextException err() {
        return parent.err();
    }

    @Override
    public Throwable cause() {
        return parent.cause();
    }

    @Override
    public Optional<Instant> deadline() {
        return parent.deadline();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T value(Key<T> k) {
        if (k == key) {
            return (T) value;
        }
        return parent.value(k);
    }

    @Override
    public String toString() {
        return parent + ".withValue(" + key + ", " + value + ")";
    }
}
