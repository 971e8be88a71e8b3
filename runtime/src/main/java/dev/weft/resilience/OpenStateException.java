package dev.weft.resilience;

/** The breaker is open: gobreaker's {@code ErrOpenState}, "circuit breaker is open". */
public final class OpenStateException extends BreakerRejectedException {
    private static final long serialVersionUID = 1L;

    OpenStateException() {
        super("circuit breaker is open");
    }
}
