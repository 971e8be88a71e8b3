package dev.weft.context;

import dev.weft.chan.RecvChan;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Go's {@code context.Context}: a deadline, a cancellation signal and request-scoped values that
 * cross goroutine boundaries.
 *
 * <p>Rules for callers, as in Go: pass a context explicitly, as the first parameter, to each
 * method that needs it; do not store it in a field. Never pass null: use {@link #background()}
 * or {@link #todo()}. Cancel every context you create (close it in try-with-resources).
 *
 * <pre>{@code
 * try (CancelContext ctx = Context.background().withTimeout(Duration.ofSeconds(5))) {
 *     Job job = jobs.recv(ctx);  // gives up with DeadlineExceededException after 5 s
 * }
 * }</pre>
 */
public interface Context {

    /** The root of every context tree: never done, no deadline, no values. */
    static Context background() {
        return Background.BACKGROUND;
    }

    /** Like {@link #background()}, marking code where the right context is not yet known. */
    static Context todo() {
        return Background.TODO;
    }

    /**
     * A channel closed when this context is done, the same channel on every call; null for a
     * context that can never be done (a case on a null channel never fires in a select).
     */
    RecvChan<Void> done();

    /** Null until done; then the same {@link ContextException} forever. */
    ContextException err();

    /** Null until done; then why: the cause given to cancel, or {@link #err()} when none was. */
    Throwable cause();

    /** When this context will be done by itself, if ever. */
    Optional<Instant> deadline();

    /** The value for {@code key} in this context or its nearest ancestor that has one, or null. */
    <T> T value(Key<T> key);

    /** True once done: {@code err() != null}. */
    default boolean isDone() {
        return err() != null;
    }

    /** Throws {@link ContextException#of(Context)} if this context is done. */
    default void throwIfDone() {
        if (err() != null) {
            throw ContextException.of(this);
        }
    }

    /** A child cancelled by {@link CancelContext#cancel()} or when this context is done. */
    CancelContext withCancel();

    /** A child whose cancel takes a cause. */
    CancelCauseContext withCancelCause();

    /** A child done after {@code timeout}, or earlier with this context. */
    CancelContext withTimeout(Duration timeout);

    /** A child done at {@code deadline} (or this context's, if earlier). */
    CancelContext withDeadline(Instant deadline);

    /** A child carrying {@code value} under {@code key}; the innermost value for a key wins. */
    <T> Context withValue(Key<T> key, T value);
}
