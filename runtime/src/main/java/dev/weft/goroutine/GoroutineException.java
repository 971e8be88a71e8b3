package dev.weft.goroutine;

import java.util.Objects;

/**
 * A checked exception thrown by a goroutine, rethrown unchecked by {@link Scope#await()},
 * {@link Scope#close()} or {@link Handle#join()}. The cause is what the goroutine threw; the
 * message names the goroutine. Unchecked exceptions and errors are rethrown as they are, never
 * wrapped.
 *
 * <pre>{@code
 * try {
 *     scope.await();
 * } catch (GoroutineException e) {
 *     if (e.getCause() instanceof IOException io) { ... }   // e.goroutineName(): "fetch#12"
 * }
 * }</pre>
 */
public class GoroutineException extends RuntimeException {
    private final String goroutineName;

    /** Wraps {@code cause}, thrown by the goroutine named {@code goroutineName}. */
    public GoroutineException(String goroutineName, Throwable cause) {
        super("goroutine " + Objects.requireNonNull(goroutineName, "goroutineName must not be null")
                + " failed: " + cause, Objects.requireNonNull(cause, "cause must not be null"));
        this.goroutineName = goroutineName;
    }

    /** The name of the goroutine that failed, such as {@code "fetch#12"}. */
    public String goroutineName() {
        return goroutineName;
    }
}
