package dev.weft.context;

/**
 * Why a context is done: it was cancelled ({@link ContextCanceledException}) or its deadline
 * passed ({@link DeadlineExceededException}). Go's {@code context.Canceled} and
 * {@code context.DeadlineExceeded}.
 *
 * <p>{@link Context#err()} returns one shared instance of each kind, as Go's {@code err} is one
 * of two sentinel values: it has no stack trace and cannot be changed (no cause to set, no
 * suppressed exceptions to add), so making and cancelling a context allocates no exception and
 * walks no stack. Test it by type ({@code instanceof}), not by identity. A blocking call that
 * gives up because its context is done throws a fresh exception of the same kind, with the stack
 * trace of that call (see {@link #of(Context)}), whose cause is the context's
 * {@linkplain Context#cause() cause}.
 */
public abstract sealed class ContextException extends RuntimeException
        permits ContextCanceledException, DeadlineExceededException {

    ContextException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A shared, immutable instance: no stack trace, no suppression, cause fixed to none. */
    ContextException(String message) {
        super(message, null, false, false);
    }

    /**
     * The exception a blocking call throws when it gives up because {@code ctx} is done: a new
     * exception of the same kind as {@code ctx.err()}, with the context's cause attached.
     *
     * @throws IllegalStateException if {@code ctx} is not done
     */
    public static ContextException of(Context ctx) {
        ContextException err = ctx.err();
        if (err == null) {
            throw new IllegalStateException("context is not done: " + ctx);
        }
        Throwable cause = ctx.cause();
        return err instanceof DeadlineExceededException
                ? new DeadlineExceededException(cause)
                : new ContextCanceledException(cause);
    }
}
