package dev.weft.chan;

import dev.weft.context.Context;

/**
 * The receive side of a channel: Go's {@code <-chan T}. Iterating it is Go's
 * {@code for v := range ch}: the loop ends when the channel is closed and drained.
 *
 * <pre>{@code
 * void consume(RecvChan<Job> jobs) {
 *     for (Job job : jobs) handle(job);
 * }
 * }</pre>
 *
 * <p>Iteration cannot throw {@link InterruptedException}: an interrupt while it waits throws
 * {@link UncheckedInterruptedException} with the interrupt flag set again.
 */
public sealed interface RecvChan<T> extends Iterable<T> permits Chan {

    /**
     * Receives a value, blocking until one is available. Go's {@code <-ch}.
     *
     * @throws ChannelClosedException "receive from closed channel" once closed and drained
     * @throws InterruptedException if interrupted while waiting
     */
    T recv() throws InterruptedException;

    /**
     * Receives a value or learns that the channel is closed and drained. Go's
     * {@code v, ok := <-ch}. After the close, returns at once with {@code ok == false}, forever.
     */
    Received<T> recvOk() throws InterruptedException;

    /**
     * Like {@link #recv()}, giving up when {@code ctx} is done.
     *
     * @throws dev.weft.context.ContextException if ctx is done first
     */
    T recv(Context ctx) throws InterruptedException;

    /** Like {@link #recvOk()}, giving up when {@code ctx} is done. */
    Received<T> recvOk(Context ctx) throws InterruptedException;

    /**
     * Receives only if that can happen at once: Go's {@code select { case v, ok := <-ch: default: }}.
     *
     * @return the value ({@code ok} true), the close ({@code ok} false), or null if it would block
     */
    Received<T> tryRecv();

    /** Number of values buffered now (Go's {@code len(ch)}). */
    int len();

    /** Buffer capacity, 0 for an unbuffered channel (Go's {@code cap(ch)}). */
    int cap();
}
