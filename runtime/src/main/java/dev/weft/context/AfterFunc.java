package dev.weft.context;

/**
 * The handle {@link Context#afterFunc(Runnable)} returns: Go's {@code stop func() bool}.
 *
 * <pre>{@code
 * AfterFunc af = ctx.afterFunc(() -> wakeUp(waiter));
 * try {
 *     waitForSomething();
 * } finally {
 *     af.stop();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface AfterFunc {
    /**
     * Unregisters the function. Does not wait for a function already started.
     *
     * @return true if this call prevented the function from running; false if it had started
     *     already or was stopped before
     */
    boolean stop();
}
