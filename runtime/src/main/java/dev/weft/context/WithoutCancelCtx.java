package dev.weft.context;

import dev.weft.chan.RecvChan;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Go's {@code withoutCancelCtx}: the parent's values, nothing of its end or deadline. */
final class WithoutCancelCtx implements Context {
    final Context parent;

    WithoutCancelCtx(Context parent) {
        this.parent = Objects.requireNonNull(parent, "parent context must not be null");
    }

    @Override
    public RecvChan<Void> done() {
        return null;
    }

    @Override
    public ContextException err() {
        return null;
    }

    @Override
    public Throwable cause() {
        return null;
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.empty();
    }

    @Override
    public <T> T value(Key<T> key) {
        return Contexts.value(parent, key);
    }

    @Override
    public String toString() {
        return parent + ".withoutCancel()";
    }
}
