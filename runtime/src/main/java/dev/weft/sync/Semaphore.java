package dev.weft.sync;

import dev.weft.context.AfterFunc;
import dev.weft.context.Context;
import dev.weft.context.ContextException;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Go's weighted semaphore ({@code golang.org/x/sync/semaphore.Weighted}): bounded access to a
 * resource of {@code size} tokens, where each acquisition takes {@code n} of them.
 *
 * <p>Waiters are served strictly first come, first served: an acquisition succeeds at once only
 * when enough tokens are free <em>and nobody is waiting</em>, so a large request is never
 * starved by a stream of small ones. A request larger than the size can never succeed: it waits
 * for its context (or an interrupt) without holding up anyone behind it. A waiter that gives up
 * leaves the queue and lets those behind it go if they now fit.
 *
 * <pre>{@code
 * Semaphore sem = new Semaphore(8);           // Go: semaphore.NewWeighted(8)
 * sem.acquire(ctx, 2);                        // sem.Acquire(ctx, 2); throws if ctx is done
 * try {
 *     encode(chunk);
 * } finally {
 *     sem.release(2);                         // sem.Release(2)
 * }
 * }</pre>
 *
 * <p>Memory consistency: a {@code release} happens-before every acquisition that it lets
 * proceed (the tokens are handed over under one lock).
 */
public final class Semaphore {
    /*
     * Design note.
     *
     * Go's x/sync/semaphore, nearly line for line: one lock, a count of held tokens and a FIFO
     * queue of waiters. Whoever frees tokens (release, or a waiter giving up from the front of
     * the queue) calls grantWaiters, which serves waiters from the head while the head fits and
     * stops at the first that does not, even if a later, smaller one would: that stop is what
     * keeps large requests from starving.
     *
     *   acquire: ctx done?                     -> fail (even with tokens free)
     *            fits and queue empty?         -> take, return
     *            n > size?                     -> wait for ctx only; never queue
     *            else                          -> enqueue, wait for grant or ctx
     *   give up: granted meanwhile?            -> ctx: hand the tokens back; interrupt: keep
     *                                             them and restore the interrupt flag
     *            else                          -> dequeue; if it was the head, grantWaiters
     *
     * Every waiter parks with this semaphore as blocker. A grant unparks it; so does its
     * context ending, through ctx.afterFunc (registered only while it waits, stopped after).
     *
     * Differences from Go: sizes must be positive; an over-release throws before changing the
     * count, so the semaphore stays usable; a wait can also end by interrupt.
     *
     * Invariants (under lock): 0 <= held <= size; every queued waiter is not granted and
     * asks for at most size; the head does not fit (size - held < head.n) whenever the queue
     * is non-empty and nobody holds the lock.
     */

    private final long size;
    private final ReentrantLock lock = new ReentrantLock();
    /** Tokens held. Guarded by lock. */
    private long held;
    /** FIFO queue of waiters, linked through Waiter.prev/next. Guarded by lock. */
    private Waiter head;
    private Waiter tail;
    private int waiting;

    /**
     * A semaphore of {@code size} tokens, all free.
     *
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public Semaphore(long size) {
        if (size <= 0) {
            throw new IllegalArgumentException("semaphore size must be positive: " + size);
        }
        this.size = size;
    }

    /** The number of tokens. */
    public long size() {
        return size;
    }

    /**
     * Takes {@code n} tokens, waiting first come, first served until they are free or
     * {@code ctx} is done. A request larger than {@link #size()} waits until {@code ctx} is done.
     *
     * @throws ContextException if {@code ctx} is done first, including when it is already done
     *     on entry though tokens are free; no tokens are held then
     * @throws InterruptedException if interrupted while waiting; no tokens are held then
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public void acquire(Context ctx, long n) throws InterruptedException {
        Objects.requireNonNull(ctx, "ctx must not be null");
        checkN(n);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Waiter w;
        lock.lock();
        try {
            if (ctx.isDone()) {
                throw ContextException.of(ctx);
            }
            if (size - held >= n && head == null) {
                held += n;
                return;
            }
            w = n > size ? null : enqueue(new Waiter(n, Thread.currentThread()));
        } finally {
            lock.unlock();
        }
        if (w == null) {
            waitForever(ctx);
        } else {
            await(ctx, w);
        }
    }

    /**
     * Takes {@code n} tokens, waiting until they are free; like {@link #acquire(Context, long)}
     * with a context that is never done.
     *
     * @throws InterruptedException if interrupted while waiting; no tokens are held then
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public void acquire(long n) throws InterruptedException {
        acquire(Context.background(), n);
    }

    /**
     * Takes {@code n} tokens if they are free and nobody is waiting; never blocks.
     *
     * @return true if the tokens were taken
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public boolean tryAcquire(long n) {
        checkN(n);
        lock.lock();
        try {
            if (size - held >= n && head == null) {
                held += n;
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns {@code n} tokens and lets the waiters at the head of the queue proceed if they
     * now fit.
     *
     * @throws IllegalStateException "semaphore: released more than held" if fewer than
     *     {@code n} tokens are held (the count is left unchanged)
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public void release(long n) {
        checkN(n);
        lock.lock();
        try {
            if (n > held) {
                throw new IllegalStateException("semaphore: released more than held");
            }
            held -= n;
            grantWaiters();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Parks until granted, ctx done or interrupted; Go's Acquire after enqueueing. A waiter
     * granted just as it gives up keeps the tokens on interrupt (restoring the flag) and hands
     * them back when ctx ended, as Go does.
     */
    private void await(Context ctx, Waiter w) throws InterruptedException {
        AfterFunc wake = ctx.afterFunc(() -> LockSupport.unpark(w.thread));
        try {
            while (!w.granted && !ctx.isDone()) {
                if (Thread.interrupted()) {
                    if (abandon(w)) {
                        throw new InterruptedException();
                    }
                    Thread.currentThread().interrupt(); // lost the race: keep the tokens
                    return;
                }
                LockSupport.park(this);
            }
        } finally {
            wake.stop();
        }
        if (ctx.isDone()) {
            if (!abandon(w)) {
                release(w.n);
            }
            throw ContextException.of(ctx);
        }
    }

    /** A request that can never fit: waits only for the context (or an interrupt). */
    private void waitForever(Context ctx) throws InterruptedException {
        Thread self = Thread.currentThread();
        AfterFunc wake = ctx.afterFunc(() -> LockSupport.unpark(self));
        try {
            while (!ctx.isDone()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                LockSupport.park(this);
            }
        } finally {
            wake.stop();
        }
        throw ContextException.of(ctx);
    }

    /**
     * Removes a waiter that gives up. Returns false if it was granted meanwhile (it then holds
     * its tokens).
     */
    private boolean abandon(Waiter w) {
        lock.lock();
        try {
            if (w.granted) {
                return false;
            }
            boolean wasHead = w == head;
            unlink(w);
            if (wasHead) {
                grantWaiters(); // the next ones may fit now that this one is gone
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Serves waiters from the head while the head fits. Call with lock held. */
    private void grantWaiters() {
        Waiter w;
        while ((w = head) != null && size - held >= w.n) {
            held += w.n;
            unlink(w);
            w.granted = true;
            LockSupport.unpark(w.thread);
        }
    }

    private Waiter enqueue(Waiter w) {
        if (tail == null) {
            head = w;
        } else {
            tail.next = w;
            w.prev = tail;
        }
        tail = w;
        waiting++;
        return w;
    }

    private void unlink(Waiter w) {
        if (w.prev == null) {
            head = w.next;
        } else {
            w.prev.next = w.next;
        }
        if (w.next == null) {
            tail = w.prev;
        } else {
            w.next.prev = w.prev;
        }
        w.prev = null;
        w.next = null;
        waiting--;
    }

    private static void checkN(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("semaphore: negative token count: " + n);
        }
    }

    /** Tokens held now (a snapshot, for monitoring and tests). */
    long held() {
        lock.lock();
        try {
            return held;
        } finally {
            lock.unlock();
        }
    }

    /** Queued waiters now (a snapshot, for monitoring and tests). */
    int waiting() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "Semaphore[size=" + size + ", held=" + held + ", waiting=" + waiting + "]";
        } finally {
            lock.unlock();
        }
    }

    /** One blocked acquisition. */
    private static final class Waiter {
        final long n;
        final Thread thread;
        /** Set once, under the semaphore's lock; read by the waiter without it. */
        volatile boolean granted;
        Waiter prev;
        Waiter next;

        Waiter(long n, Thread thread) {
            this.n = n;
            this.thread = thread;
        }
    }
}
