package dev.weft.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Go's {@code sync.Once}: performs exactly one action. {@link #value(Supplier)} and
 * {@link #runnable(Runnable)} are Go's {@code sync.OnceValue} and {@code sync.OnceFunc}.
 *
 * <pre>{@code
 * private final Once loaded = new Once();
 * void ensureLoaded() { loaded.run(this::load); }          // Go: once.Do(load)
 *
 * static final Supplier<Config> CONFIG = Once.value(Config::read);   // Go: sync.OnceValue
 * }</pre>
 *
 * <p>Rules, as Go's: the first {@link #run(Runnable)} runs its function; every other call,
 * even with a different function, does not. Callers that arrive while it runs wait until it
 * has returned, and its effects happen-before they return. If the function throws, the Once
 * is done all the same: the exception reaches the caller that ran it; later {@code run} calls
 * return normally. The value forms remember the failure and rethrow the same exception to
 * every caller.
 *
 * <p>Differences from Go: calling {@code run} from inside its own function throws
 * {@link IllegalStateException} instead of deadlocking; {@code Do} is {@code run} ({@code do}
 * is a Java keyword). Waiting is not interruptible, as Go's is not; an interrupt is kept.
 */
public final class Once {
    /*
     * Design note.
     *
     * state: NEW -> RUNNING (CAS by the one caller that runs f) -> DONE (volatile write after
     * f returned or threw). Callers that find RUNNING push themselves on a Treiber stack of
     * waiting threads (waiters) and park with this Once as blocker; the runner swaps the stack
     * for TERMINATED and unparks them, as FutureTask does. Nothing is allocated unless a caller
     * has to wait.
     *
     * Invariants: state only moves forward; waiters becomes TERMINATED once, right after state
     * becomes DONE; runner is the running thread while RUNNING.
     */

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final Node TERMINATED = new Node(null, null);

    private static final VarHandle STATE;
    private static final VarHandle WAITERS;
    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATE = l.findVarHandle(Once.class, "state", int.class);
            WAITERS = l.findVarHandle(Once.class, "waiters", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int state;
    private volatile Thread runner;
    private volatile Node waiters;

    private record Node(Thread thread, Node next) {}

    /** A Once that has not run. */
    public Once() {}

    /**
     * Runs {@code f} if no call to this Once ran a function before; otherwise waits until that
     * function has returned, then returns. See the class comment for failures.
     *
     * @throws NullPointerException if {@code f} is null
     * @throws IllegalStateException if called from inside the function this Once is running
     */
    public void run(Runnable f) {
        Objects.requireNonNull(f, "f must not be null");
        if (state == DONE) {
            return;
        }
        if (STATE.compareAndSet(this, NEW, RUNNING)) {
            runner = Thread.currentThread();
            try {
                f.run();
            } finally {
                runner = null;
                state = DONE;
                wakeAll();
            }
            return;
        }
        if (runner == Thread.currentThread()) {
            throw new IllegalStateException("sync: Once.run called from its own function; it would deadlock");
        }
        awaitDone();
    }

    /** True once a function has run (returned or thrown). */
    public boolean isDone() {
        return state == DONE;
    }

    private void wakeAll() {
        Node w = (Node) WAITERS.getAndSet(this, TERMINATED);
        for (; w != null; w = w.next) {
            LockSupport.unpark(w.thread);
        }
    }

    private void awaitDone() {
        Node h;
        do {
            h = waiters;
            if (h == TERMINATED) {
                return;
            }
        } while (!WAITERS.compareAndSet(this, h, new Node(Thread.currentThread(), h)));
        boolean interrupted = false;
        while (waiters != TERMINATED) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Go's {@code sync.OnceValue}: a supplier that calls {@code f} once, on its first call, and
     * then returns its value on every call. If {@code f} throws, every call throws that same
     * exception (a checked one, thrown sneakily, is wrapped once in
     * {@link UndeclaredThrowableException}). Concurrent first callers wait.
     *
     * @throws NullPointerException if {@code f} is null
     */
    public static <T> Supplier<T> value(Supplier<T> f) {
        Objects.requireNonNull(f, "f must not be null");
        return new OnceValue<>(f);
    }

    /**
     * Go's {@code sync.OnceFunc}: a runnable that runs {@code f} once, on its first call. If
     * {@code f} throws, every call throws that same exception.
     *
     * @throws NullPointerException if {@code f} is null
     */
    public static Runnable runnable(Runnable f) {
        Objects.requireNonNull(f, "f must not be null");
        Supplier<Void> v = value(() -> {
            f.run();
            return null;
        });
        return v::get;
    }

    /** For dumps: {@code once(running in worker#3)}. */
    @Override
    public String toString() {
        Thread r = runner;
        return switch (state) {
            case NEW -> "once(not run)";
            case RUNNING -> "once(running" + (r == null ? ")" : " in " + r.getName() + ")");
            default -> "once(done)";
        };
    }

    private static final class OnceValue<T> implements Supplier<T> {
        private final Once once = new Once();
        /** Dropped after the call, so whatever it captured can be collected (as Go does). */
        private Supplier<T> f;
        private T value;
        private RuntimeException failure;
        private Error error;

        OnceValue(Supplier<T> f) {
            this.f = f;
        }

        @Override
        public T get() {
            once.run(this::call);
            // once's DONE write happens-after these fields' writes, and we read it first.
            if (error != null) {
                throw error;
            }
            if (failure != null) {
                throw failure;
            }
            return value;
        }

        private void call() {
            try {
                value = f.get();
            } catch (RuntimeException e) {
                failure = e;
            } catch (Error e) {
                error = e;
            } catch (Throwable t) { // a checked exception thrown sneakily
                failure = new UndeclaredThrowableException(t);
            } finally {
                f = null;
            }
        }

        @Override
        public String toString() {
            return "onceValue(" + once + ")";
        }
    }
}
