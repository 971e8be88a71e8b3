package dev.weft.context;

/** The context was cancelled. Go's {@code context.Canceled}: "context canceled". */
public final class ContextCanceledException extends ContextException {
    /** An exception with Go's message and the given cause (may be null). */
    public ContextCanceledException(Throwable cause) {
        super("context canceled", cause);
    }

    /** The shared instance {@link Context#err()} returns: Go's {@code context.Canceled}. */
    static final ContextCanceledException CANCELED = new ContextCanceledException();

    private ContextCanceledException() {
        super("context canceled");
    }
}
