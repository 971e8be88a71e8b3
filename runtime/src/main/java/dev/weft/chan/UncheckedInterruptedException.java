package dev.weft.chan;

/**
 * Thrown where a blocking Weft call cannot declare {@link InterruptedException}, such as
 * {@code for (T v : ch)}. The thread's interrupt flag is set again before it is thrown, so the
 * interruption is not lost.
 */
public final class UncheckedInterruptedException extends RuntimeException {
    /** Wraps the interruption. */
    public UncheckedInterruptedException(InterruptedException cause) {
        super("interrupted while blocked on a channel", cause);
    }
}
