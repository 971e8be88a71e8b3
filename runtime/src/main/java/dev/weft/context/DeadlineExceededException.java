package dev.weft.context;

/**
 * The context's deadline passed. Go's {@code context.DeadlineExceeded}:
 * "context deadline exceeded".
 */
public final class DeadlineExceededException extends ContextException {
    /** An exception with Go's message and the given cause (may be null). */
    public DeadlineExceededException(Throwable cause) {
        super("context deadline exceeded", cause);
    }

    /** The shared instance {@link Context#err()} returns: Go's {@code context.DeadlineExceeded}. */
    static final DeadlineExceededException DEADLINE_EXCEEDED = new DeadlineExceededException();

    private DeadlineExceededException() {
        super("context deadline exceeded");
    }
}
