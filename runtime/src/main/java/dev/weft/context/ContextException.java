package dev.weft.context;

/**
 * Why a context is done: it was cancelled ({@link ContextCanceledException}) or its deadline
 * passed ({@link DeadlineExceededException}). Go's {@code context.Canceled} and
 * {@code context.DeadlineExceeded}.
 *
 * <p>{@link Context#err()} returns one instance per context, created when it became done, so its
 * stack trace shows where the cancellation happened. A blocking call that gives up because its
 * context is done throws a fresh exception of the same kind (see {@link #of(Context)}), whose
 * cause is the context's {@linkplain Context#cause() cause}.
 */
public abstract sealed class ContextException extends RuntimeException
        permits ContextCanceledException, DeadlineExceededException {

    ContextException(String message, Throwable cause) {
        super(message, cause);
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
