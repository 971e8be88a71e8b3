package dev.weft.chan;

import dev.weft.context.Context;
import dev.weft.context.ContextException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Go's {@code select}, written inline. Add cases, then {@link #run()}: it waits until one case
 * can proceed, performs it, and calls that case's handler. Among ready cases the choice is
 * uniformly random; a case on a null channel never fires; {@link #orElse} is Go's
 * {@code default}. A built select may be run again and again (a loop reuses it without
 * allocating); its send values are fixed when the case is added.
 *
 * <pre>{@code
 * Select.on()
 *     .recv(jobs, job -> handle(job))
 *     .send(results, result, () -> sent++)
 *     .recv(ctx.done(), () -> log("cancelled"))
 *     .after(Duration.ofSeconds(1), () -> timeouts++)
 *     .run();
 * }</pre>
 *
 * <p>A receive case whose handler takes the value throws {@link ChannelClosedException} when it
 * is chosen on a closed, drained channel, as {@link RecvChan#recv()} does; use
 * {@link #recvOk} or a handler without a parameter to observe the close.
 */
public final class Select {
    // Sized for two cases, the common inline select; both grow as cases are added.
    private final PreparedSelect prepared = new PreparedSelect(2);
    private Object[] handlers = new Object[2];
    private int doneCase = -1;
    private Context doneContext;

    private Select() {}

    /** Starts a select statement. */
    public static Select on() {
        return new Select();
    }

    /** A receive case; {@code handler} gets the value. Go's {@code case v := <-ch:}. */
    public <T> Select recv(RecvChan<T> ch, RecvAction<? super T> handler) {
        return handle(prepared.recv(ch), Objects.requireNonNull(handler, "handler"));
    }

    /**
     * A receive case that ignores the value and also fires on close: Go's {@code case <-ch:},
     * as in {@code case <-ctx.Done():}.
     */
    public Select recv(RecvChan<?> ch, Action handler) {
        return handle(prepared.recv(ch), new CloseTolerant(Objects.requireNonNull(handler, "handler")));
    }

    /** A receive case that sees the close: Go's {@code case v, ok := <-ch:}. */
    public <T> Select recvOk(RecvChan<T> ch, RecvOkAction<? super T> handler) {
        return handle(prepared.recv(ch), Objects.requireNonNull(handler, "handler"));
    }

    /**
     * A send case: Go's {@code case ch <- v:}; {@code handler} runs after the value was taken.
     * A null value disables the case, like a null channel.
     */
    public <T> Select send(SendChan<T> ch, T value, Action handler) {
        return handle(prepared.send(ch, value), Objects.requireNonNull(handler, "handler"));
    }

    /** A send case with nothing to do after the send. */
    public <T> Select send(SendChan<T> ch, T value) {
        return handle(prepared.send(ch, value), (Action) () -> { });
    }

    /** A timeout case: Go's {@code case <-time.After(d):}, measured from the start of each run. */
    public Select after(Duration d, Action handler) {
        return handle(prepared.after(d), Objects.requireNonNull(handler, "handler"));
    }

    /**
     * The default case: runs when no other case is ready, so the select never blocks.
     *
     * @throws IllegalStateException if there is already a default case
     */
    public Select orElse(Action handler) {
        return handle(prepared.orElse(), Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Waits for a case, runs it and its handler, and returns the case's number (cases are
     * numbered from 0 in the order they were added). With no cases and no default, blocks until
     * interrupted.
     *
     * @throws ChannelClosedException if a send case was chosen on a closed channel, or a value
     *     receive case on a closed, drained one
     * @throws InterruptedException if interrupted while waiting (no case ran), or thrown by the
     *     handler
     */
    public int run() throws InterruptedException {
        if (doneContext != null) {
            // A run(ctx) before bound the context's done channel; this run has no context.
            prepared.recv(doneCase, null);
            doneContext = null;
        }
        int c = prepared.select();
        dispatch(c);
        return c;
    }

    /**
     * Like {@link #run()}, also giving up when {@code ctx} is done.
     *
     * @throws ContextException if ctx is done before a case is ready
     */
    public int run(Context ctx) throws InterruptedException {
        Objects.requireNonNull(ctx, "context must not be null");
        ctx.throwIfDone();
        if (doneCase < 0 || doneContext != ctx) {
            if (doneCase < 0) {
                doneCase = prepared.recv(ctx.done());
                handle(doneCase, null);
            } else {
                prepared.recv(doneCase, ctx.done());
            }
            doneContext = ctx;
        }
        int c = prepared.select();
        if (c == doneCase) {
            throw ContextException.of(ctx);
        }
        dispatch(c);
        return c;
    }

    @SuppressWarnings("unchecked")
    private void dispatch(int c) throws InterruptedException {
        Object h = handlers[c];
        if (h instanceof RecvAction<?> r) {
            if (!prepared.ok()) {
                throw Chan.recvFromClosed();
            }
            ((RecvAction<Object>) r).accept(prepared.value());
        } else if (h instanceof RecvOkAction<?> r) {
            ((RecvOkAction<Object>) r).accept(prepared.value(), prepared.ok());
        } else if (h instanceof CloseTolerant t) {
            t.action.run();
        } else {
            ((Action) h).run();
        }
    }

    private Select handle(int i, Object handler) {
        if (i >= handlers.length) {
            handlers = Arrays.copyOf(handlers, handlers.length * 2);
        }
        handlers[i] = handler;
        return this;
    }

    @Override
    public String toString() {
        return prepared.toString();
    }

    /** Marks an {@link Action} that runs for a value or a close alike. */
    private record CloseTolerant(Action action) { }

    /** A handler with no input. It may block, hence {@link InterruptedException}. */
    @FunctionalInterface
    public interface Action {
        /** Runs the handler. */
        void run() throws InterruptedException;
    }

    /** A receive handler. It may block, hence {@link InterruptedException}. */
    @FunctionalInterface
    public interface RecvAction<T> {
        /** Handles a received value. */
        void accept(T value) throws InterruptedException;
    }

    /** A receive handler that also sees the close (ok false, value null). */
    @FunctionalInterface
    public interface RecvOkAction<T> {
        /** Handles a received value, or the close. */
        void accept(T value, boolean ok) throws InterruptedException;
    }
}
