package dev.weft.context;

/**
 * The end state of a cancellable context, shared with every descendant it cancels, so that
 * cancelling a large tree allocates nothing per node.
 */
record Done(ContextException err, Throwable cause) {
    Done {
        if (cause == null) {
            cause = err; // Go: the cause of a cancel without one is the error itself
        }
    }
}
