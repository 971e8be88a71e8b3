package dev.weft.chan;

import dev.weft.context.Context;

/**
 * The send side of a channel: Go's {@code chan<- T}. A method that only sends takes a
 * {@code SendChan}, so the compiler stops it from receiving. Closing is the sender's job, so this
 * view is {@link AutoCloseable}: try-with-resources is Go's {@code defer close(ch)}.
 *
 * <pre>{@code
 * void produce(SendChan<Integer> out) throws InterruptedException {
 *     try (out) {
 *         for (int i = 0; i < 10; i++) out.send(i);
 *     }
 * }
 * }</pre>
 */
public sealed interface SendChan<T> extends AutoCloseable permits Chan {

    /**
     * Sends {@code value}, blocking until a receiver takes it (unbuffered) or there is room in the
     * buffer. Go's {@code ch <- v}.
     *
     * @throws ChannelClosedException "send on closed channel", also when the channel is closed
     *     while this call waits
     * @throws NullPointerException if value is null
     * @throws InterruptedException if interrupted while waiting; the value was then not sent
     */
    void send(T value) throws InterruptedException;

    /**
     * Like {@link #send(Object)}, giving up when {@code ctx} is done.
     *
     * @throws dev.weft.context.ContextException if ctx is done first; the value was not sent
     */
    void send(Context ctx, T value) throws InterruptedException;

    /**
     * Sends only if that can happen at once: Go's {@code select { case ch <- v: default: }}.
     *
     * @return true if sent, false if it would have blocked
     * @throws ChannelClosedException if the channel is closed
     */
    boolean trySend(T value);

    /**
     * Closes the channel: receivers drain what is buffered, then see it closed forever. Wakes
     * every blocked receiver and every blocked sender (which throw). Go's {@code close(ch)}.
     *
     * @throws ChannelClosedException "close of closed channel"
     */
    @Override
    void close();

    /** Number of values buffered now (Go's {@code len(ch)}). */
    int len();

    /** Buffer capacity, 0 for an unbuffered channel (Go's {@code cap(ch)}). */
    int cap();
}
