package dev.weft.resilience;

/**
 * Thrown by {@link RateLimiter#waitN} when it gives up at once, without waiting: the request
 * exceeds the burst, or satisfying it would take past the context's deadline. Go's
 * {@code Wait} returns these as plain errors, with the same words.
 *
 * <pre>{@code
 * try {
 *     limiter.waitN(ctx, batch.size());
 * } catch (RateLimitException e) {
 *     reject(batch, e.getMessage());       // would never fit, or not before the deadline
 * }
 * }</pre>
 */
public final class RateLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RateLimitException(String message) {
        super(message);
    }
}
