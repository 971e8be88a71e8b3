package dev.weft.test;

/**
 * A test's goroutines can never run again: its thread and every goroutine it started are
 * blocked on Weft primitives and no timer is pending. The message is Go's, "all goroutines are
 * asleep - deadlock!", then each goroutine's stack and what it waits on.
 */
public final class DeadlockError extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** The first line of every deadlock report, as Go's runtime words it. */
    public static final String MESSAGE = "all goroutines are asleep - deadlock!";

    DeadlockError(String goroutines) {
        super(MESSAGE + "\n\n" + goroutines);
    }
}
