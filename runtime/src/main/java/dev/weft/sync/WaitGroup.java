package dev.weft.sync;

import dev.weft.context.Context;
import dev.weft.context.ContextException;
import dev.weft.goroutine.Goroutine;
import dev.weft.goroutine.Task;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Go's {@code sync.WaitGroup}: waits for a collection of goroutines to finish.
 *
 * <pre>{@code
 * WaitGroup wg = new WaitGroup();
 * for (String url : urls) {
 *     wg.go(() -> fetch(url));      // Go 1.25's wg.Go: add(1), start, done() when it ends
 * }
 * wg.await();                       // Go's wg.Wait()
 * }</pre>
 *
 * <p>Rules, as Go's: {@link #add(int)} with a positive delta must happen before the goroutine
 * it counts starts and before {@code await}; the counter must never go negative (that throws
 * {@code "sync: negative WaitGroup counter"}). A WaitGroup may be reused once every waiter has
 * returned. Memory: each {@code done()} happens-before the {@code await()} it releases
 * returns. A {@link dev.weft.goroutine.Scope} also collects failures and cancels; prefer it
 * when the goroutines can fail.
 *
 * <p>Differences from Go: {@code Wait} is {@link #await()} (Java's {@code Object.wait} takes
 * the name) and is interruptible; {@link #await(Context)} gives up when a context is done.
 */
public final class WaitGroup {
    /*
     * Design note.
     *
     * state packs (generation << 32 | counter), updated by CAS. The counter's change to zero
     * bumps the generation; a waiter records the generation it saw with a non-zero counter and
     * returns once it changes, so a waiter cannot miss a zero that was followed at once by a
     * new add() (reuse).
     *
     * Waiters park with this WaitGroup as blocker on a queue of threads; the CAS that bumps
     * the generation unparks them all. A waiter enqueues first and then re-reads state, and
     * add() reads the queue after its CAS, so one of them sees the other.
     *
     * Invariant: 0 <= counter <= Integer.MAX_VALUE.
     */

    private static final VarHandle STATE;
    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(WaitGroup.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long state;
    private final Queue<Thread> waiters = new ConcurrentLinkedQueue<>();

    /** A WaitGroup with a counter of zero. */
    public WaitGroup() {}

    private static int counter(long s) {
        return (int) s;
    }

    private static int generation(long s) {
        return (int) (s >>> 32);
    }

    /**
     * Adds {@code delta}, which may be negative, to the counter; when it reaches zero every
     * waiter is released.
     *
     * @throws IllegalStateException "sync: negative WaitGroup counter" if the counter would go
     *         below zero (the counter is left unchanged), or on overflow
     */
    public void add(int delta) {
        for (;;) {
            long s = state;
            long c = (long) counter(s) + delta;
            if (c < 0) {
                throw new IllegalStateException("sync: negative WaitGroup counter");
            }
            if (c > Integer.MAX_VALUE) {
                throw new IllegalStateException("sync: WaitGroup counter overflow");
            }
            int gen = generation(s);
            boolean zeroed = c == 0 && counter(s) != 0;
            int next = zeroed ? gen + 1 : gen;
            if (STATE.compareAndSet(this, s, ((long) next << 32) | c)) {
                if (zeroed) {
                    for (Thread t : waiters) {
                        LockSupport.unpark(t);
                    }
                }
                return;
            }
        }
    }

    /** Decrements the counter: {@code add(-1)}. */
    public void done() {
        add(-1);
    }

    /**
     * Go 1.25's {@code wg.Go(f)}: adds one, runs {@code task} in a new goroutine named after
     * the task's class, and calls {@link #done()} when it ends, however it ends. A failure goes
     * to the goroutine's {@linkplain Goroutine#setUncaughtHandler uncaught handler}.
     *
     * @throws NullPointerException if {@code task} is null
     */
    public Goroutine go(Task task) {
        Objects.requireNonNull(task, "task must not be null");
        return go(defaultName(task), task);
    }

    /** Like {@link #go(Task)}, with the goroutine named {@code name#<seq>}. */
    public Goroutine go(String name, Task task) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(task, "task must not be null");
        add(1);
        try {
            return Goroutine.go(name, () -> {
                try {
                    task.run();
                } finally {
                    done();
                }
            });
        } catch (RuntimeException | Error e) {
            done(); // never started
            throw e;
        }
    }

    /**
     * Blocks until the counter is zero (Go's {@code Wait}); returns at once if it is.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void await() throws InterruptedException {
        awaitZero(null);
    }

    /**
     * Like {@link #await()}, but gives up when {@code ctx} is done, throwing
     * {@link ContextException#of(Context)}; a context already done fails at once even if the
     * counter is zero.
     *
     * @throws InterruptedException if interrupted while waiting
     * @throws NullPointerException if {@code ctx} is null
     */
    public void await(Context ctx) throws InterruptedException {
        Objects.requireNonNull(ctx, "context must not be null");
        awaitZero(ctx);
    }

    private void awaitZero(Context ctx) throws InterruptedException {
        if (ctx != null) {
            ctx.throwIfDone();
        }
        long s = state;
        if (counter(s) == 0) {
            return;
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Thread me = Thread.currentThread();
        waiters.add(me);
        Thread watcher = ctx == null ? null : ContextWatch.unparkWhenDone(ctx, me);
        try {
            parkWhileGeneration(generation(s), ctx);
        } finally {
            waiters.remove(me);
            if (watcher != null) {
                watcher.interrupt();
            }
        }
    }

    private void parkWhileGeneration(int gen, Context ctx) throws InterruptedException {
        while (generation(state) == gen) {
            if (ctx != null && ctx.isDone()) {
                throw ContextException.of(ctx);
            }
            LockSupport.park(this);
            if (Thread.interrupted()) {
                if (generation(state) != gen) {
                    Thread.currentThread().interrupt(); // released anyway: keep the flag
                    return;
                }
                throw new InterruptedException();
            }
        }
    }

    /** The counter now. */
    public int count() {
        return counter(state);
    }

    /** The task's class name, or for a lambda its declaring class: as Scope.go names them. */
    private static String defaultName(Object task) {
        String n = task.getClass().getName();
        int lambda = n.indexOf("$$Lambda");
        if (lambda >= 0) {
            n = n.substring(0, lambda);
        }
        n = n.substring(n.lastIndexOf('.') + 1);
        return n.isEmpty() ? "goroutine" : n;
    }

    /** For dumps: {@code waitgroup(3)}, the counter. */
    @Override
    public String toString() {
        return "waitgroup(" + counter(state) + ")";
    }
}
