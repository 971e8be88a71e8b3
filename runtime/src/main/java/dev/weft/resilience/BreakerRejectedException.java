package dev.weft.resilience;

/**
 * A {@link CircuitBreaker} refused a request without running it: it is open
 * ({@link OpenStateException}) or half-open with its quota of trial requests in flight
 * ({@link TooManyRequestsException}). Catch this type to handle both.
 *
 * <pre>{@code
 * try {
 *     return cb.execute(() -> quotes.fetch(symbol));
 * } catch (BreakerRejectedException e) {
 *     return cachedQuote(symbol);          // fail fast while the dependency recovers
 * }
 * }</pre>
 *
 * <p>Rejections are the normal, frequent outcome of an open breaker, so these exceptions carry
 * no stack trace: they cost little to throw.
 */
public abstract sealed class BreakerRejectedException extends RuntimeException
        permits OpenStateException, TooManyRequestsException {
    private static final long serialVersionUID = 1L;

    BreakerRejectedException(String message) {
        super(message, null, false, false);
    }
}
