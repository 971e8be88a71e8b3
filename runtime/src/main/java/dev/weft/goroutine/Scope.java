package dev.weft.goroutine;

import dev.weft.chan.UncheckedInterruptedException;
import dev.weft.context.CancelCauseContext;
import dev.weft.context.Context;
import dev.weft.context.ContextException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.channels.ClosedByInterruptException;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A group of goroutines working on one task: Go's {@code errgroup.WithContext}, made
 * structured. No goroutine outlives the block that opened the scope.
 *
 * <pre>{@code
 * try (Scope scope = Scope.open(ctx)) {
 *     scope.limit(8);                                   // errgroup SetLimit
 *     for (String url : urls) {
 *         scope.go("fetch", () -> fetch(scope.context(), url));   // blocks at the limit
 *     }
 *     scope.await();                                    // errgroup Wait
 * }                                                     // cancels, interrupts, joins
 * }</pre>
 *
 * <p>Rules, as errgroup's:
 * <ul>
 * <li>The first goroutine to fail wins: the scope's {@linkplain #context() context} is cancelled
 *     with that failure as its {@linkplain Context#cause() cause}, and the scope's other
 *     goroutines are interrupted, so code that ignores the context stops too.
 *     {@link #await()} throws it: unchecked exceptions and errors as they are, checked ones
 *     wrapped in {@link GoroutineException}. Every later failure is attached to it as
 *     {@linkplain Throwable#getSuppressed() suppressed}, except the echoes of the cancellation
 *     (an {@link InterruptedException}, {@link UncheckedInterruptedException},
 *     {@link ContextException} or {@link ClosedByInterruptException} thrown after the scope
 *     failed or was closed).</li>
 * <li>{@link #await()} waits for every goroutine started so far, then cancels the context, as
 *     errgroup's Wait does. The scope stays usable: more goroutines may be started (with a
 *     cancelled context) and awaited.</li>
 * <li>{@link #close()} cancels the context, interrupts every goroutine and waits until all have
 *     ended, even if the closing thread is interrupted (its flag is restored). A failure that no
 *     {@code await()} or {@link Handle#join()} has thrown is thrown by {@code close()}, so it is
 *     never lost; when the block already ends with an exception, Java attaches it to that one
 *     as suppressed.</li>
 * <li>Memory: a goroutine's actions happen-before {@code await()} and {@code close()} return.</li>
 * </ul>
 *
 * <p>Cancelling the parent context cancels the scope's context, but does not interrupt the
 * goroutines: code blocked on the context's operations gives up by itself.
 */
public final class Scope implements AutoCloseable {
    /*
     * Design note.
     *
     * State: running (goroutines started and not yet ended, including slots reserved by a go()
     * that has not started its goroutine yet), limit, the first failure, and two flags.
     *
     *   go:    reserve a slot (CAS running+1, only while running < limit; else park on
     *          slotWaiters) -> closed? release, throw -> Goroutine.start adopts it into children
     *   exit:  leave children -> fail() if it threw -> running-1 -> wake waiters
     *   fail:  echo of our own cancellation? drop : CAS first null -> failure: cancelling = true,
     *          cancel context with cause, interrupt the other children; else add as suppressed
     *   close: closed = cancelling = true, cancel context, interrupt children, wait running == 0
     *
     * Waiting (await, close, go at the limit) parks with this scope as the blocker, never in
     * synchronized. A waiter enqueues its thread, increments `waiting`, then re-checks its
     * condition; an exiting goroutine decrements running, then reads `waiting`: both are
     * volatile, so either the exit sees the waiter and unparks it or the waiter sees the new
     * count (Dekker). Exits without waiters touch no queue, which keeps spawning cheap (W6).
     *
     * Closing races with a go() from one of the scope's own goroutines: go() reserves its slot
     * before it reads `closed`, and close() sets `closed` before it waits for running == 0, so
     * either go() throws or close() waits for the new goroutine. A goroutine adopted after
     * close() or the first failure interrupted the children reads `cancelling` when it starts
     * and interrupts itself.
     *
     * Invariants: running >= 0; first goes from null to non-null once, and the context is
     * cancelled with its cause before any goroutine is interrupted for it; no goroutine of the
     * scope is alive (registered, or in children) when close() returns.
     *
     * Differences from Go's errgroup: Java can interrupt a goroutine, so failure and close
     * interrupt; later failures are kept as suppressed instead of dropped; a failure nobody
     * awaited is thrown by close(); Go's SetLimit panics when goroutines are active, here
     * limit() throws IllegalStateException.
     */

    private static final VarHandle RUNNING;
    private static final VarHandle WAITING;
    private static final VarHandle FIRST;
    private static final VarHandle CLOSED;
    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            RUNNING = l.findVarHandle(Scope.class, "running", int.class);
            WAITING = l.findVarHandle(Scope.class, "waiting", int.class);
            FIRST = l.findVarHandle(Scope.class, "first", Throwable.class);
            CLOSED = l.findVarHandle(Scope.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final CancelCauseContext ctx;
    /** Live goroutines of this scope, to interrupt on failure and close. */
    private final Set<Goroutine> children = ConcurrentHashMap.newKeySet();
    private final Queue<Thread> doneWaiters = new ConcurrentLinkedQueue<>();
    private final Queue<Thread> slotWaiters = new ConcurrentLinkedQueue<>();
    /** Goroutines started or being started and not yet ended. Invariant: >= 0. */
    private volatile int running;
    /** Threads parked in this scope; exits read it to skip waking nobody. */
    private volatile int waiting;
    /** Maximum of running; -1 for none. */
    private volatile int limit = -1;
    /** The first failure, in the form rethrown (unchecked or GoroutineException). */
    private volatile Throwable first;
    /** Set once first has been thrown to the user, by await() or a Handle's join(). */
    private volatile boolean reported;
    /** Failed or closed: goroutines are interrupted, and starting ones interrupt themselves. */
    private volatile boolean cancelling;
    private volatile boolean closed;

    private Scope(CancelCauseContext ctx) {
        this.ctx = ctx;
    }

    /** A scope whose context derives from {@link Context#background()}. */
    public static Scope open() {
        return open(Context.background());
    }

    /**
     * A scope whose context is a child of {@code parent}: done when the parent is, on the
     * first failure, after {@link #await()} and on {@link #close()}.
     *
     * @throws NullPointerException if {@code parent} is null
     */
    public static Scope open(Context parent) {
        Objects.requireNonNull(parent, "parent context must not be null");
        return new Scope(parent.withCancelCause());
    }

    /**
     * The scope's context, to pass to its goroutines: cancelled on the first failure (its cause
     * is that failure), when {@link #await()} returns, on {@link #close()}, or with the parent.
     */
    public Context context() {
        return ctx;
    }

    /**
     * Limits the number of goroutines running at once to {@code n} (errgroup's SetLimit); a
     * negative {@code n} removes the limit. Returns this scope.
     *
     * @throws IllegalStateException if goroutines are running
     */
    public Scope limit(int n) {
        int r = running;
        if (r != 0) {
            throw new IllegalStateException(
                    "errgroup: modify limit while " + r + " goroutines in the scope are still active");
        }
        limit = n < 0 ? -1 : n;
        unparkAll(slotWaiters); // a go() parked at limit 0 may proceed now
        return this;
    }

    /** Starts a goroutine named after the task's class; see {@link #go(String, Task)}. */
    public void go(Task task) throws InterruptedException {
        Objects.requireNonNull(task, "task must not be null");
        go(Names.of(task), task);
    }

    /**
     * Starts a goroutine named {@code name#<seq>} in this scope, first waiting while the
     * scope's {@linkplain #limit(int) limit} is reached.
     *
     * @throws InterruptedException if interrupted while waiting at the limit
     * @throws IllegalStateException if the scope is closed
     * @throws NullPointerException if {@code name} or {@code task} is null
     */
    public void go(String name, Task task) throws InterruptedException {
        checkArgs(name, task);
        checkOpen();
        acquireSlot();
        spawn(name, task);
    }

    /** Like {@link #tryGo(String, Task)}, named after the task's class. */
    public boolean tryGo(Task task) {
        Objects.requireNonNull(task, "task must not be null");
        return tryGo(Names.of(task), task);
    }

    /**
     * Starts a goroutine only if the limit allows one more now (errgroup's TryGo).
     *
     * @return whether the goroutine was started
     * @throws IllegalStateException if the scope is closed
     * @throws NullPointerException if {@code name} or {@code task} is null
     */
    public boolean tryGo(String name, Task task) {
        checkArgs(name, task);
        checkOpen();
        if (!tryAcquireSlot()) {
            return false;
        }
        spawn(name, task);
        return true;
    }

    /** Like {@link #async(String, Callable)}, named after the callable's class. */
    public <T> Handle<T> async(Callable<T> callable) throws InterruptedException {
        Objects.requireNonNull(callable, "callable must not be null");
        return async(Names.of(callable), callable);
    }

    /**
     * Starts a goroutine in this scope that computes a value, waiting at the limit as
     * {@link #go(String, Task)} does. Its failure goes to the scope like any other goroutine's
     * (the first one cancels the scope) and is also rethrown by {@link Handle#join()}.
     *
     * @throws InterruptedException if interrupted while waiting at the limit
     * @throws IllegalStateException if the scope is closed
     * @throws NullPointerException if {@code name} or {@code callable} is null
     */
    public <T> Handle<T> async(String name, Callable<T> callable) throws InterruptedException {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(callable, "callable must not be null");
        checkOpen();
        AsyncHandle<T> h = new AsyncHandle<>(this, callable);
        acquireSlot();
        h.goroutine = spawn(name, h);
        return h;
    }

    /**
     * Waits until every goroutine started so far has ended (errgroup's Wait), then cancels the
     * context. Throws the first failure, with later ones as suppressed: unchecked as it was,
     * checked wrapped in {@link GoroutineException}; the same exception on every call.
     *
     * @throws InterruptedException if interrupted while waiting; the goroutines keep running
     *         (close() stops them)
     * @throws IllegalStateException if called from one of this scope's goroutines
     */
    public void await() throws InterruptedException {
        checkNotOwnGoroutine("await");
        parkUntil(doneWaiters, this::allEnded, true);
        ctx.cancel();
        Throwable f = first;
        if (f != null) {
            reported = true;
            throw unchecked(f);
        }
    }

    /**
     * Cancels the context, interrupts every goroutine of the scope and waits until all have
     * ended; no goroutine outlives this call. An interrupt of the closing thread does not cut
     * the wait short; its flag is restored. Throws the first failure if no {@link #await()} or
     * {@link Handle#join()} threw it already. Calling it again does nothing more.
     *
     * @throws IllegalStateException if called from one of this scope's goroutines
     */
    @Override
    public void close() {
        checkNotOwnGoroutine("close");
        if (CLOSED.compareAndSet(this, false, true)) {
            cancelling = true;
            ctx.cancel();
            interruptChildren(null);
        }
        boolean interrupted = false;
        try {
            interrupted = parkUntil(doneWaiters, this::allEnded, false);
        } catch (InterruptedException e) {
            throw new AssertionError("unreachable: uninterruptible wait threw", e);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable f = first;
        if (f != null && !reported) {
            reported = true;
            throw unchecked(f);
        }
    }

    // ---------------------------------------------------------------- goroutine side

    /** Called by a goroutine of this scope on its own thread before its task runs. */
    void started() {
        if (cancelling) {
            Thread.currentThread().interrupt();
        }
    }

    void adopt(Goroutine g) {
        children.add(g);
    }

    /** Undoes adopt() when the thread could not be started. */
    void abandon(Goroutine g) {
        children.remove(g);
    }

    /** Called by a goroutine of this scope, last, with what it threw (or null). */
    void exited(Goroutine g, Throwable thrown) {
        children.remove(g);
        if (thrown != null) {
            fail(g, thrown);
        }
        release();
    }

    private void fail(Goroutine g, Throwable thrown) {
        if (cancelling && isCancellationEcho(thrown)) {
            return;
        }
        Throwable f = g.failure();
        if (FIRST.compareAndSet(this, null, f)) {
            cancelling = true;
            ctx.cancel(thrown);
            interruptChildren(g);
            return;
        }
        Throwable winner = first;
        if (winner != f) { // the same exception object thrown twice is kept once
            winner.addSuppressed(f);
        }
    }

    private static boolean isCancellationEcho(Throwable t) {
        return t instanceof InterruptedException || t instanceof UncheckedInterruptedException
                || t instanceof ContextException || t instanceof ClosedByInterruptException;
    }

    private void interruptChildren(Goroutine except) {
        for (Goroutine c : children) {
            if (c != except) {
                c.thread.interrupt();
            }
        }
    }

    // ---------------------------------------------------------------- slots and waiting

    private boolean tryAcquireSlot() {
        for (;;) {
            int r = running;
            int l = limit;
            if (l >= 0 && r >= l) {
                return false;
            }
            if (RUNNING.compareAndSet(this, r, r + 1)) {
                return true;
            }
        }
    }

    private void acquireSlot() throws InterruptedException {
        if (!tryAcquireSlot()) {
            parkUntil(slotWaiters, this::tryAcquireSlot, true);
        }
    }

    private void release() {
        int r = (int) RUNNING.getAndAdd(this, -1) - 1;
        if (waiting != 0) {
            if (r == 0) {
                unparkAll(doneWaiters);
            }
            unparkAll(slotWaiters);
        }
    }

    private Goroutine spawn(String name, Task task) {
        if (closed) {
            release();
            throw closedException();
        }
        try {
            return Goroutine.start(this, name, task);
        } catch (Throwable t) {
            release();
            throw t;
        }
    }

    private boolean allEnded() {
        return running == 0;
    }

    /**
     * Parks until {@code done} holds (checked before every park, so a condition that takes
     * something, like a slot, is never taken and then dropped). Interruptible: throws; else
     * returns whether an interrupt was swallowed.
     */
    private boolean parkUntil(Queue<Thread> queue, BooleanSupplier done, boolean interruptible)
            throws InterruptedException {
        if (done.getAsBoolean()) {
            return false;
        }
        if (interruptible && Thread.interrupted()) {
            throw new InterruptedException();
        }
        Thread me = Thread.currentThread();
        queue.add(me);
        WAITING.getAndAdd(this, 1);
        boolean interrupted = false;
        try {
            while (!done.getAsBoolean()) {
                if (Thread.interrupted()) {
                    if (interruptible) {
                        throw new InterruptedException();
                    }
                    interrupted = true;
                } else {
                    LockSupport.park(this);
                }
            }
        } finally {
            WAITING.getAndAdd(this, -1);
            queue.remove(me);
        }
        return interrupted;
    }

    private static void unparkAll(Queue<Thread> queue) {
        if (!queue.isEmpty()) {
            for (Thread t : queue) {
                LockSupport.unpark(t);
            }
        }
    }

    // ---------------------------------------------------------------- checks

    private static void checkArgs(String name, Task task) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(task, "task must not be null");
    }

    private void checkOpen() {
        if (closed) {
            throw closedException();
        }
    }

    private IllegalStateException closedException() {
        return new IllegalStateException("go on closed scope: " + this);
    }

    private void checkNotOwnGoroutine(String what) {
        Goroutine me = Goroutine.current();
        if (me != null && me.scope == this) {
            throw new IllegalStateException(what + " called from " + me.name()
                    + ", a goroutine of this scope: it would wait for itself");
        }
    }

    private static RuntimeException unchecked(Throwable f) {
        if (f instanceof RuntimeException re) {
            return re;
        }
        if (f instanceof Error e) {
            throw e;
        }
        throw new AssertionError("unreachable: failure neither unchecked nor wrapped", f);
    }

    /** Marks the first failure as seen by the user once a Handle's join() threw it. */
    void reportedByHandle(Throwable f) {
        if (f == first) {
            reported = true;
        }
    }

    /** For dumps: {@code scope(3 running, limit 8, failed)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("scope(").append(running).append(" running");
        int l = limit;
        if (l >= 0) {
            sb.append(", limit ").append(l);
        }
        if (first != null) {
            sb.append(", failed");
        }
        if (closed) {
            sb.append(", closed");
        }
        return sb.append(')').toString();
    }

    /** A value-returning goroutine: the handle is also the task it runs. */
    private static final class AsyncHandle<T> implements Handle<T>, Task {
        private final Scope scope;
        private final Callable<T> callable;
        /** Set by async() right after the start, before the handle is returned. */
        volatile Goroutine goroutine;
        /** Written by the goroutine before it ends; read after join(). */
        private T value;

        AsyncHandle(Scope scope, Callable<T> callable) {
            this.scope = scope;
            this.callable = callable;
        }

        @Override
        public void run() throws Exception {
            value = callable.call();
        }

        @Override
        public T join() throws InterruptedException {
            Goroutine g = goroutine;
            g.join();
            Throwable f = g.failure();
            if (f == null) {
                return value;
            }
            scope.reportedByHandle(f);
            throw unchecked(f);
        }

        @Override
        public boolean isDone() {
            return !goroutine.isAlive();
        }

        @Override
        public String name() {
            return goroutine.name();
        }

        @Override
        public String toString() {
            return "handle(" + goroutine.name() + (isDone() ? ", done)" : ")");
        }
    }
}
