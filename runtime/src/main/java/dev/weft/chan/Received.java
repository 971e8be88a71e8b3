package dev.weft.chan;

/**
 * The result of a receive that reports closing: Go's {@code v, ok := <-ch}. {@code ok} is true
 * when {@code value} was sent; false (and {@code value} null) when the channel is closed and
 * drained.
 *
 * <pre>{@code
 * Received<Job> r = jobs.recvOk();
 * if (!r.ok()) return;   // closed
 * handle(r.value());
 * }</pre>
 */
public record Received<T>(T value, boolean ok) {
    private static final Received<?> CLOSED = new Received<>(null, false);

    /** The result of receiving from a closed, drained channel. */
    @SuppressWarnings("unchecked")
    public static <T> Received<T> closed() {
        return (Received<T>) CLOSED;
    }
}
