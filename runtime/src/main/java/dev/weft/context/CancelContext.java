package dev.weft.context;

/**
 * A context its creator can cancel. {@link #close()} cancels, so try-with-resources is Go's
 * {@code defer cancel()}.
 *
 * <pre>{@code
 * try (CancelContext ctx = parent.withCancel()) {
 *     scope work that watches ctx.done()
 * } // cancelled here, releasing everything attached to it
 * }</pre>
 */
public interface CancelContext extends Context, AutoCloseable {
    /**
     * Cancels this context and its descendants with {@link ContextCanceledException}. Idempotent,
     * never blocks; when it returns every descendant is done.
     */
    void cancel();

    /** Same as {@link #cancel()}. */
    @Override
    void close();
}
