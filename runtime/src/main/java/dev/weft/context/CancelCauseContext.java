package dev.weft.context;

/**
 * A context cancelled with a cause: Go's {@code context.WithCancelCause}.
 *
 * <pre>{@code
 * try (CancelCauseContext ctx = parent.withCancelCause()) {
 *     ctx.cancel(new IOException("upstream closed"));
 *     ctx.err();   // ContextCanceledException
 *     ctx.cause(); // the IOException
 * }
 * }</pre>
 */
public interface CancelCauseContext extends CancelContext {
    /**
     * Cancels with the given cause; a null cause means the cause is the error itself. Only the
     * first cancellation fixes the cause.
     */
    void cancel(Throwable cause);
}
