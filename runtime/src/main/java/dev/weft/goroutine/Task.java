package dev.weft.goroutine;

/**
 * The body of a goroutine: like {@link Runnable}, but it may throw, as a Go function may return
 * an error. What it throws is never lost: in a {@link Scope} it becomes the scope's failure;
 * in a detached goroutine it goes to the {@linkplain Goroutine#setUncaughtHandler uncaught
 * handler}.
 *
 * <pre>{@code
 * Task fetch = () -> store.put(url, http.get(url));   // may throw IOException
 * scope.go("fetch", fetch);
 * }</pre>
 */
@FunctionalInterface
public interface Task {
    /** Runs the goroutine's body; anything thrown is the goroutine's failure. */
    void run() throws Exception;
}
