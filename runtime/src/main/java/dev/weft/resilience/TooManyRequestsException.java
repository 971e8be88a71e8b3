package dev.weft.resilience;

/**
 * The breaker is half-open and already admitted its {@code maxRequests} trial requests:
 * gobreaker's {@code ErrTooManyRequests}, "too many requests".
 */
public final class TooManyRequestsException extends BreakerRejectedException {
    private static final long serialVersionUID = 1L;

    TooManyRequestsException() {
        super("too many requests");
    }
}
