package dev.weft.context;

/**
 * The end state of a cancellable context, shared with every descendant it cancels, so that
 * cancelling a large tree allocates nothing per node.
 */
record Done(ContextException err, Throwable cause) {
    /** Cancelled without a cause: shared, so a plain cancel allocates nothing. */
    static final Done CANCELED = new Done(ContextCanceledException.CANCELED, null);
    /** Expired without a timeout cause. */
    static final Done DEADLINE_EXCEEDED = new Done(DeadlineExceededException.DEADLINE_EXCEEDED, null);

    Done {
        if (cause == null) {
            cause = err; // Go: the cause of a cancel without one is the error itself
        }
    }
}
