package dev.weft.context;

import dev.weft.chan.RecvChan;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Go's {@code context.Context}: a deadline, a cancellation signal and request-scoped values that
 * cross goroutine boundaries.
 *
 * <p>Rules for callers, as in Go: pass a context explicitly, as the first parameter, to each
 * method that needs it; do not store it in a field. Never pass null: use {@link #background()}
 * or {@link #todo()}. Cancel every context you create (close it in try-with-resources), so its
 * timer and its place in its parent are released.
 *
 * <pre>{@code
 * try (CancelContext ctx = Context.background().withTimeout(Duration.ofSeconds(5))) {
 *     Job job = jobs.recv(ctx);  // gives up with DeadlineExceededException after 5 s
 * }
 * }</pre>
 *
 * <p>Your own context types: implement {@link #done()}, {@link #err()}, {@link #cause()},
 * {@link #deadline()} and {@link #value(Key)}; the derivation methods work on them as they are.
 * A child of such a context learns of its end through {@link #afterFunc(Runnable)}, which by
 * default watches {@code done()} from a virtual thread (Go's propagateCancel does the same);
 * override it if your type can call back more cheaply.
 *
 * <p>Memory consistency: everything a thread did before cancelling a context (or before its
 * deadline fired) happens-before whatever follows a receive that sees its {@code done()} closed,
 * and before the function of an {@link #afterFunc} starts.
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

    /**
     * Null until done; then the same {@link ContextException} forever. Once this returns
     * non-null, {@link #done()} is closed.
     */
    ContextException err();

    /** Null until done; then why: the cause given to cancel, or {@link #err()} when none was. */
    Throwable cause();

    /** When this context will be done by itself, if ever. */
    Optional<Instant> deadline();

    /**
     * The value for {@code key} in this context or its nearest ancestor that has one, or null.
     *
     * @throws NullPointerException if {@code key} is null
     */
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

    /**
     * A child cancelled by {@link CancelContext#cancel()} or when this context is done. If this
     * context is done already, the child is born done with its error and cause.
     */
    default CancelContext withCancel() {
        return CancelCtx.create(this);
    }

    /**
     * A child whose cancel takes a cause: Go's {@code WithCancelCause}.
     *
     * <pre>{@code
     * CancelCauseContext ctx = parent.withCancelCause();
     * ctx.cancel(new IOException("peer reset"));
     * ctx.cause(); // the IOException; ctx.err() is a ContextCanceledException
     * }</pre>
     */
    default CancelCauseContext withCancelCause() {
        return CancelCtx.create(this);
    }

    /**
     * A child done after {@code timeout} (with {@link DeadlineExceededException}), or earlier with
     * this context. A timeout that is not positive gives a child born done.
     *
     * @throws NullPointerException if {@code timeout} is null
     */
    default CancelContext withTimeout(Duration timeout) {
        return TimerCtx.withTimeout(this, timeout, null);
    }

    /**
     * Like {@link #withTimeout(Duration)}; when the timeout expires the child's
     * {@link #cause()} is {@code cause} (a cancel before that gives the usual cause).
     */
    default CancelContext withTimeoutCause(Duration timeout, Throwable cause) {
        return TimerCtx.withTimeout(this, timeout, cause);
    }

    /**
     * A child done at {@code deadline}, or earlier with this context. If this context's deadline
     * is earlier, the child is a plain {@link #withCancel()} child and keeps that deadline. A
     * deadline already past gives a child born done.
     *
     * @throws NullPointerException if {@code deadline} is null
     */
    default CancelContext withDeadline(Instant deadline) {
        return TimerCtx.withDeadline(this, deadline, null);
    }

    /** Like {@link #withDeadline(Instant)}, with {@code cause} as the cause when it expires. */
    default CancelContext withDeadlineCause(Instant deadline, Throwable cause) {
        return TimerCtx.withDeadline(this, deadline, cause);
    }

    /**
     * A child carrying {@code value} (may be null) under {@code key}; the innermost value for a
     * key wins.
     *
     * @throws NullPointerException if {@code key} is null
     */
    default <T> Context withValue(Key<T> key, T value) {
        return new ValueCtx(this, Objects.requireNonNull(key, "key must not be null"), value);
    }

    /**
     * A child with this context's values and nothing else: never done, no deadline, no cause.
     * Go's {@code WithoutCancel}, for work that must outlive the request that started it.
     */
    default Context withoutCancel() {
        return new WithoutCancelCtx(this);
    }

    /**
     * Arranges for {@code f} to run in its own goroutine (a new virtual thread) once this
     * context is done, at once if it is done already: Go's {@code context.AfterFunc}. Several
     * registrations run independently.
     *
     * <pre>{@code
     * AfterFunc release = ctx.afterFunc(conn::close); // close the connection if ctx ends
     * ...
     * if (release.stop()) { ... } // the connection is ours again: f will never run
     * }</pre>
     *
     * @return a handle whose {@link AfterFunc#stop()} prevents the run if it has not started
     * @throws NullPointerException if {@code f} is null
     */
    default AfterFunc afterFunc(Runnable f) {
        return Contexts.afterFunc(this, f);
    }
}
