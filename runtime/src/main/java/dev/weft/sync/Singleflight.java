package dev.weft.sync;

import dev.weft.chan.Chan;
import dev.weft.chan.RecvChan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Go's {@code golang.org/x/sync/singleflight.Group}: duplicate suppression. While a call for a
 * key is in flight, further calls for the same key do not run their function: they wait for
 * the first one and share its outcome.
 *
 * <pre>{@code
 * Singleflight<String, User> users = new Singleflight<>();   // Go: var g singleflight.Group
 * Singleflight.Result<User> r = users.doCall("user:" + id, () -> db.loadUser(id));
 * User u = r.value();                                         // v, err, shared := g.Do(key, fn)
 * boolean shared = r.shared();                                // true if others got it too
 * }</pre>
 *
 * <p>Failures: when the function fails, every caller of that call gets the failure, the way
 * Go hands every caller the same {@code err} and re-panics a panic in each one.
 * {@link #doCall} throws it (see {@link Result#get()} for the form); {@link #doChan} delivers a
 * {@link Result} whose {@link Result#failure()} holds it. The same exception instance reaches
 * every caller, so do not mutate it. No caller hangs: not when the function throws an
 * {@link Error}, and not when a waiting caller is interrupted (it alone gives up).
 *
 * <p>Memory consistency: everything the function did happens-before each caller of that call
 * returns.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class Singleflight<K, V> {
    /*
     * Design note.
     *
     * Go's singleflight: a map from key to the in-flight Call, under one lock. The first caller
     * for a key (the leader) registers a Call and runs the function on its own thread (doCall)
     * or on a new virtual thread (doChan); later callers (duplicates) find the Call, count
     * themselves in, and park on it (doCall) or add a channel to it (doChan). When the function
     * ends, however it ends, finish() removes the key if it still maps to this Call (forget may
     * have replaced it), marks the Call finished, and wakes everyone.
     *
     *   doCall: in flight?  -> dups++, park on the Call until finished (or interrupted)
     *           else        -> register, run fn here, finish
     *   doChan: in flight?  -> dups++, add a channel
     *           else        -> register with a channel, run fn on a new virtual thread
     *
     * Differences from Go: a panic in doChan's function does not crash the program (Go must,
     * having no caller to re-panic in): it reaches the channels as a failure. An interrupted
     * duplicate stops waiting and no longer counts as sharing.
     *
     * Invariants (under lock): a Call is in the map only while unfinished; finished goes from
     * false to true once, after value and failure are written, and waiters and chans are not
     * added to after that.
     */

    private final ReentrantLock lock = new ReentrantLock();
    /** In-flight calls. Guarded by lock. */
    private final Map<K, Call<V>> calls = new HashMap<>();

    /** An empty group. */
    public Singleflight() {}

    /**
     * Runs {@code fn} for {@code key} unless a call for that key is in flight, in which case it
     * waits for that call and returns its result. Go's {@code Do}.
     *
     * @return the value and whether it was given to more than one caller
     * @throws RuntimeException the call's failure if it threw an unchecked exception, as is
     * @throws Error the call's failure if it threw an error, as is
     * @throws CompletionException wrapping the call's failure if it threw a checked exception
     *     (a caller that ran the function itself gets its own {@link InterruptedException} as
     *     is instead)
     * @throws InterruptedException if interrupted while waiting for another caller's call,
     *     which goes on for the others
     */
    public Result<V> doCall(K key, Callable<? extends V> fn) throws InterruptedException {
        Objects.requireNonNull(key, "key must not be null");
        Objects.requireNonNull(fn, "fn must not be null");
        Call<V> c;
        boolean leader = false;
        lock.lock();
        try {
            c = calls.get(key);
            if (c != null) {
                c.dups++;
                c.waiters.add(Thread.currentThread());
            } else {
                c = new Call<>(key);
                calls.put(key, c);
                leader = true;
            }
        } finally {
            lock.unlock();
        }
        return leader ? lead(key, c, fn) : follow(c);
    }

    /**
     * Like {@link #doCall}, but returns at once a channel that receives the one {@link Result}
     * (with the failure inside, if any) when the call ends. The leader's function runs on a new
     * virtual thread. Go's {@code DoChan}.
     */
    public RecvChan<Result<V>> doChan(K key, Callable<? extends V> fn) {
        Objects.requireNonNull(key, "key must not be null");
        Objects.requireNonNull(fn, "fn must not be null");
        Chan<Result<V>> ch = Chan.make(1);
        Call<V> c;
        boolean leader = false;
        lock.lock();
        try {
            c = calls.get(key);
            if (c != null) {
                c.dups++;
            } else {
                c = new Call<>(key);
                calls.put(key, c);
                leader = true;
            }
            c.chans.add(ch);
        } finally {
            lock.unlock();
        }
        if (leader) {
            Call<V> call = c;
            Thread.ofVirtual().name("singleflight " + key).start(() -> run(key, call, fn));
        }
        return ch;
    }

    /**
     * Forgets the in-flight call for {@code key}, if any: the next call for the key runs its
     * function instead of waiting. Callers already waiting still get the forgotten call's
     * result. Go's {@code Forget}.
     */
    public void forget(K key) {
        Objects.requireNonNull(key, "key must not be null");
        lock.lock();
        try {
            calls.remove(key);
        } finally {
            lock.unlock();
        }
    }

    private Result<V> lead(K key, Call<V> c, Callable<? extends V> fn) throws InterruptedException {
        run(key, c, fn);
        if (c.failure instanceof InterruptedException ie) {
            throw ie; // the leader's own interrupt, consumed by fn: it stays the leader's
        }
        return c.result(c.sharedAtFinish).getOrThrow();
    }

    /** Runs fn, records its outcome whatever it is, and wakes everyone. */
    private void run(K key, Call<V> c, Callable<? extends V> fn) {
        try {
            c.value = fn.call();
        } catch (Throwable t) {
            c.failure = t;
        } finally {
            finish(key, c);
        }
    }

    private void finish(K key, Call<V> c) {
        List<Thread> waiters;
        List<Chan<Result<V>>> chans;
        lock.lock();
        try {
            calls.remove(key, c);
            c.sharedAtFinish = c.dups > 0;
            c.finished = true;
            waiters = List.copyOf(c.waiters);
            chans = List.copyOf(c.chans);
        } finally {
            lock.unlock();
        }
        for (Thread t : waiters) {
            LockSupport.unpark(t);
        }
        Result<V> r = c.result(c.sharedAtFinish);
        for (Chan<Result<V>> ch : chans) {
            if (!ch.trySend(r)) {
                throw new AssertionError("unreachable: singleflight result channel already full");
            }
        }
    }

    /** A duplicate waits for the leader; on interrupt it alone gives up. */
    private Result<V> follow(Call<V> c) throws InterruptedException {
        while (!c.finished) {
            LockSupport.park(c);
            if (Thread.interrupted()) {
                if (leave(c)) {
                    throw new InterruptedException();
                }
                Thread.currentThread().interrupt(); // lost the race: take the result
            }
        }
        return c.result(true).getOrThrow();
    }

    private boolean leave(Call<V> c) {
        lock.lock();
        try {
            if (c.finished) {
                return false;
            }
            c.waiters.remove(Thread.currentThread());
            c.dups--;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Callers waiting on the in-flight call for {@code key}, for tests; 0 if none. */
    int duplicates(K key) {
        lock.lock();
        try {
            Call<V> c = calls.get(key);
            return c == null ? 0 : c.dups;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "Singleflight" + calls.keySet();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The outcome of a call: Go's {@code singleflight.Result} ({@code Val}, {@code Err},
     * {@code Shared}). Exactly one of a value (possibly null) and a failure is meaningful.
     *
     * @param value the function's value; null if it failed
     * @param failure what the function threw; null if it returned
     * @param shared whether the outcome was given to more than one caller
     * @param <V> value type
     */
    public record Result<V>(V value, Throwable failure, boolean shared) {

        /** True if the function returned normally. */
        public boolean ok() {
            return failure == null;
        }

        /**
         * The value, or the failure thrown in the form every Weft caller gets it: unchecked
         * exceptions and errors as they are, checked exceptions wrapped in
         * {@link CompletionException}.
         */
        public V get() {
            if (failure == null) {
                return value;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            throw new CompletionException(failure);
        }

        Result<V> getOrThrow() {
            get();
            return this;
        }
    }

    /** One in-flight execution. */
    private static final class Call<V> {
        final Object key;
        /** Written by the running thread before finished is set. */
        V value;
        Throwable failure;
        volatile boolean finished;
        boolean sharedAtFinish;
        /** Guarded by the group's lock. */
        int dups;
        final List<Thread> waiters = new ArrayList<>(1);
        final List<Chan<Result<V>>> chans = new ArrayList<>(1);

        Call(Object key) {
            this.key = key;
        }

        Result<V> result(boolean shared) {
            return new Result<>(value, failure, shared);
        }

        @Override
        public String toString() {
            return "Singleflight call for " + key;
        }
    }
}
