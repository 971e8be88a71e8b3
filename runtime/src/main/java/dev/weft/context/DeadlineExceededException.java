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
}
