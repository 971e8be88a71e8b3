package dev.weft.context;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The derivation methods every context shares. */
abstract class AbstractContext implements Context {

    @Override
    public CancelContext withCancel() {
        return new CancelCtx(this, null);
    }

    @Override
    public CancelCauseContext withCancelCause() {
        return new CancelCtx(this, null);
    }

    @Override
    public CancelContext withTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout must not be null");
        return withDeadline(dev.weft.time.Clock.current().now().plus(timeout));
    }

    @Override
    public CancelContext withDeadline(Instant deadline) {
        Objects.requireNonNull(deadline, "deadline must not be null");
        Instant parent = deadline().orElse(null);
        if (parent != null && !parent.isAfter(deadline)) {
            return withCancel(); // the parent's deadline comes first; it governs
        }
        return new CancelCtx(this, deadline);
    }

    @Override
    public <T> Context withValue(Key<T> key, T value) {
        return new ValueCtx(this, Objects.requireNonNull(key, "key must not be null"), value);
    }
}
