package dev.weft.goroutine;

/**
 * The result of a value-returning goroutine started with {@link Scope#async(String,
 * java.util.concurrent.Callable)}: Go's pattern of a goroutine that writes its result to a
 * variable the group owner reads after {@code Wait}.
 *
 * <pre>{@code
 * try (Scope scope = Scope.open(ctx)) {
 *     Handle<User> user = scope.async("user", () -> users.find(id));
 *     Handle<List<Order>> orders = scope.async("orders", () -> this.orders.of(id));
 *     return new Page(user.join(), orders.join());
 * }
 * }</pre>
 *
 * @param <T> the type of the value
 */
public interface Handle<T> {
    /**
     * Waits for the goroutine to end and returns its value, or rethrows its failure as
     * {@link Scope#await()} does: unchecked exceptions and errors as they are, checked ones
     * wrapped in {@link GoroutineException}. The failure has also gone to the scope.
     * The goroutine's actions happen-before this method returns.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    T join() throws InterruptedException;

    /** True once the goroutine has ended, with a value or a failure. */
    boolean isDone();

    /** The goroutine's name, such as {@code "user#7"}. */
    String name();
}
