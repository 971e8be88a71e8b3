package dev.weft.chan;

import dev.weft.context.Context;
import dev.weft.context.ContextException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A Go channel: typed, optionally buffered, closable, usable in {@link Select}.
 *
 * <pre>{@code
 * Chan<String> ch = Chan.make(1);   // Go: make(chan string, 1)
 * ch.send("hi");                    // ch <- "hi"
 * String s = ch.recv();             // s := <-ch
 * ch.close();                       // close(ch)
 * ch.recvOk().ok();                 // false: closed and drained
 * }</pre>
 *
 * <p>Memory consistency: a send happens-before the receive that gets its value completes; a
 * close happens-before a receive that sees it; on an unbuffered channel a receive
 * happens-before the matching send completes; on a channel of capacity C the k-th receive
 * happens-before the (k+C)-th send completes. Null values are rejected.
 *
 * @param <T> element type
 */
public final class Chan<T> implements SendChan<T>, RecvChan<T> {
    /*
     * Design note.
     *
     * The algorithm is Go's runtime/chan.go, on virtual threads. Each channel has one lock
     * guarding a ring buffer and two FIFO queues of blocked operations: recvq (blocked
     * receivers) and sendq (blocked senders). A blocked operation is a Node (Go's sudog) that
     * points to a Waiter (Go's g); the nodes of one select share one Waiter, and the node of a plain
     * send or receive is its own Waiter (one allocation per blocking operation).
     *
     *   send:  closed?            -> throw "send on closed channel"
     *          a receiver waits?  -> hand the value to it directly, wake it
     *          room in buffer?    -> append
     *          else               -> enqueue on sendq, park
     *   recv:  closed and empty?  -> (null, ok=false)
     *          a sender waits?    -> unbuffered: take its value; buffered (so full): take the
     *                                head, move the sender's value to the tail; wake it
     *          buffer non-empty?  -> take the head
     *          else               -> enqueue on recvq, park
     *   close: mark closed; complete every waiter: receivers get (null, false), senders throw.
     *
     * A waiter is completed by whoever claims it (CAS WAITING -> CLAIMED on the Waiter): a
     * partner, a close, or the waiter itself when it gives up (interrupt, select timeout). A node
     * whose waiter was claimed by someone else is stale and is dropped when met in a queue. The
     * claimer writes the outcome while holding this channel's lock, then unparks after unlocking.
     *
     * Invariants (under lock):
     *   - at least one of recvq and sendq is empty of live nodes;
     *   - sendq has live nodes only when the buffer is full; recvq only when it is empty;
     *   - once closed, both queues are empty and stay so; the buffer only drains.
     *
     * Select (PreparedSelect) locks every channel of its cases in id order, so two selects
     * never deadlock, polls the cases in random order, and otherwise enqueues one node per case
     * before parking; when it wakes it locks them all again to unlink its other nodes.
     *
     * Differences from Go's runtime: parking is LockSupport's, which may wake spuriously, so
     * every wait loops on the Waiter's state; blocked operations respond to interruption, which
     * Go has no notion of, by claiming their own Waiter (if a partner claimed it first, the
     * operation completed and the interrupt flag is kept for the caller); recv() on a closed
     * channel throws where Go returns the zero value (recvOk() returns ok=false, as Go's v, ok).
     */

    /** Sentinels of {@link #pollLocked()}. */
    static final Object EMPTY = new Object();
    static final Object CLOSED = new Object();

    private static final AtomicLong IDS = new AtomicLong();

    /** Lock order for selects over several channels. */
    final long id = IDS.incrementAndGet();
    final ReentrantLock lock = new ReentrantLock();
    final WaitQueue recvq = new WaitQueue();
    final WaitQueue sendq = new WaitQueue();

    private final Object[] buf;
    private final int capacity;
    private int head;        // guarded by lock
    private int count;       // guarded by lock
    private boolean closed;  // guarded by lock
    /** The waiter an operation completed, to unpark once the lock is released. */
    private Waiter wake;     // guarded by lock
    /** Spin budget of a blocked operation before it parks (see Parking); a racy hint. */
    private int spins;

    private Chan(int capacity) {
        this.capacity = capacity;
        // From the floor: a channel that is rarely ready (one of many, as in W7) never pays for
        // long spins, and one where spinning pays doubles its way up within a few operations.
        this.spins = Parking.MIN_SPINS;
        this.buf = capacity == 0 ? null : new Object[capacity];
    }

    /** An unbuffered channel: Go's {@code make(chan T)}. */
    public static <T> Chan<T> make() {
        return new Chan<>(0);
    }

    /**
     * A channel with a buffer of {@code capacity} values (0 is unbuffered): Go's
     * {@code make(chan T, n)}.
     *
     * @throws IllegalArgumentException if capacity is negative
     */
    public static <T> Chan<T> make(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("makechan: size out of range: " + capacity);
        }
        return new Chan<>(capacity);
    }

    // ---------------------------------------------------------------- send

    @Override
    public void send(T value) throws InterruptedException {
        Objects.requireNonNull(value, "send of null value: channels carry non-null values");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Waiter w = null;
        Node n = null;
        Waiter wk = null;
        lock.lock();
        try {
            if (closed) {
                throw sendOnClosed();
            }
            if (offerLocked(value)) {
                wk = takeWake();
            } else {
                n = Node.solo(Thread.currentThread());
                w = n;
                n.offer = value;
                sendq.add(n);
            }
        } finally {
            lock.unlock();
        }
        if (wk != null) {
            wk.unpark();
        }
        if (w != null) {
            awaitOrGiveUp(w, n, sendq);
            if (!w.ok) {
                throw sendOnClosed();
            }
        }
    }

    @Override
    public void send(Context ctx, T value) throws InterruptedException {
        Objects.requireNonNull(ctx, "context must not be null");
        Objects.requireNonNull(value, "send of null value: channels carry non-null values");
        ctx.throwIfDone();
        RecvChan<Void> done = ctx.done();
        if (done == null) {
            send(value);
            return;
        }
        PreparedSelect s = new PreparedSelect();
        s.send(this, value);
        s.recv(done);
        if (s.select() == 1) {
            throw ContextException.of(ctx);
        }
    }

    @Override
    public boolean trySend(T value) {
        Objects.requireNonNull(value, "send of null value: channels carry non-null values");
        Waiter wk;
        lock.lock();
        try {
            if (closed) {
                throw sendOnClosed();
            }
            if (!offerLocked(value)) {
                return false;
            }
            wk = takeWake();
        } finally {
            lock.unlock();
        }
        if (wk != null) {
            wk.unpark();
        }
        return true;
    }

    // ---------------------------------------------------------------- receive

    @Override
    public T recv() throws InterruptedException {
        Object v = recvCore();
        if (v == CLOSED) {
            throw recvFromClosed();
        }
        return cast(v);
    }

    @Override
    public Received<T> recvOk() throws InterruptedException {
        Object v = recvCore();
        return v == CLOSED ? Received.closed() : new Received<>(cast(v), true);
    }

    @Override
    public T recv(Context ctx) throws InterruptedException {
        Received<T> r = recvOk(ctx);
        if (!r.ok()) {
            throw recvFromClosed();
        }
        return r.value();
    }

    @Override
    public Received<T> recvOk(Context ctx) throws InterruptedException {
        Objects.requireNonNull(ctx, "context must not be null");
        ctx.throwIfDone();
        RecvChan<Void> done = ctx.done();
        if (done == null) {
            return recvOk();
        }
        PreparedSelect s = new PreparedSelect();
        s.recv(this);
        s.recv(done);
        if (s.select() == 1) {
            throw ContextException.of(ctx);
        }
        return s.ok() ? new Received<>(cast(s.value()), true) : Received.closed();
    }

    @Override
    public Received<T> tryRecv() {
        Object v;
        Waiter wk;
        lock.lock();
        try {
            v = pollLocked();
            wk = takeWake();
        } finally {
            lock.unlock();
        }
        if (wk != null) {
            wk.unpark();
        }
        if (v == EMPTY) {
            return null;
        }
        return v == CLOSED ? Received.closed() : new Received<>(cast(v), true);
    }

    /** Receives a value, or CLOSED. */
    private Object recvCore() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Object v;
        Waiter wk;
        Waiter w = null;
        Node n = null;
        lock.lock();
        try {
            v = pollLocked();
            wk = takeWake();
            if (v == EMPTY) {
                n = Node.solo(Thread.currentThread());
                w = n;
                recvq.add(n);
            }
        } finally {
            lock.unlock();
        }
        if (wk != null) {
            wk.unpark();
        }
        if (w == null) {
            return v;
        }
        awaitOrGiveUp(w, n, recvq);
        return w.ok ? w.item : CLOSED;
    }

    // ---------------------------------------------------------------- close, len, cap

    @Override
    public void close() {
        // Completed waiters are collected under the lock and woken after it. Their nodes may be
        // reused by a select as soon as the lock is released, so only waiters are kept.
        ArrayList<Waiter> woken = null;
        lock.lock();
        try {
            if (closed) {
                throw new ChannelClosedException("close of closed channel");
            }
            closed = true;
            woken = completeAllClosed(recvq, woken);
            woken = completeAllClosed(sendq, woken);
        } finally {
            lock.unlock();
        }
        if (woken != null) {
            for (Waiter w : woken) {
                w.unpark();
            }
        }
    }

    /** Completes every live waiter of {@code q} as "closed": receivers get ok=false, senders throw. */
    private static ArrayList<Waiter> completeAllClosed(WaitQueue q,
            ArrayList<Waiter> woken) {
        Node n;
        while ((n = q.claimFirst()) != null) {
            n.waiter.complete(n.caseIndex, null, false);
            if (woken == null) {
                woken = new ArrayList<>();
            }
            woken.add(n.waiter);
        }
        return woken;
    }

    @Override
    public int len() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int cap() {
        return capacity;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- range

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Object next = EMPTY;

            @Override
            public boolean hasNext() {
                if (next == EMPTY) {
                    try {
                        next = recvCore();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new UncheckedInterruptedException(e);
                    }
                }
                return next != CLOSED;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("channel closed");
                }
                Object v = next;
                next = EMPTY;
                return cast(v);
            }
        };
    }

    @Override
    public String toString() {
        // Unlocked reads: a description for dumps, which must never block.
        return "chan(cap=" + capacity + ", len=" + count + (closed ? ", closed)" : ")");
    }

    // ---------------------------------------------------------------- core, under lock

    /**
     * Takes a value if one is ready: EMPTY if the receive would block, CLOSED if closed and
     * drained. A sender it completes is left in {@link #wake}. Caller holds the lock.
     */
    Object pollLocked() {
        if (count == 0 && closed) {
            return CLOSED;
        }
        Node s = sendq.claimFirst();
        if (s != null) {
            Object v;
            if (capacity == 0) {
                v = s.offer;
            } else {
                // The buffer is full: take the head, the sender's value goes to the tail (the
                // same slot, since head == tail in a full ring).
                v = buf[head];
                buf[head] = s.offer;
                head = next(head);
            }
            s.offer = null;
            s.waiter.complete(s.caseIndex, null, true);
            wake = s.waiter;
            return v;
        }
        if (count > 0) {
            Object v = buf[head];
            buf[head] = null;
            head = next(head);
            count--;
            return v;
        }
        return EMPTY;
    }

    /**
     * Delivers {@code v} if that can happen now; a receiver it completes is left in
     * {@link #wake}. Caller holds the lock and has checked the channel is open.
     */
    boolean offerLocked(Object v) {
        Node r = recvq.claimFirst();
        if (r != null) {
            r.waiter.complete(r.caseIndex, v, true);
            wake = r.waiter;
            return true;
        }
        if (count < capacity) {
            int tail = head + count;
            buf[tail >= capacity ? tail - capacity : tail] = v;
            count++;
            return true;
        }
        return false;
    }

    boolean isClosedLocked() {
        return closed;
    }

    /** Returns and clears the waiter to unpark. Caller holds the lock. */
    Waiter takeWake() {
        Waiter w = wake;
        wake = null;
        return w;
    }

    private int next(int i) {
        return ++i == capacity ? 0 : i;
    }

    /** Waits for a partner; on interrupt, leaves the queue and throws. */
    private void awaitOrGiveUp(Waiter w, Node n, WaitQueue q) throws InterruptedException {
        int budget = spins;
        int outcome = Parking.await(w, this, null, 0, budget);
        // Racy update of a hint: a lost update costs nothing but a less tuned budget.
        spins = Parking.adapt(budget, outcome == Parking.DONE_SPINNING,
                capacity == 0 ? Parking.MAX_SPINS_HANDOFF : Parking.MAX_SPINS_BUFFERED);
        if (outcome != Parking.DONE && outcome != Parking.DONE_SPINNING) {
            lock.lock();
            try {
                q.remove(n);
            } finally {
                lock.unlock();
            }
            throw new InterruptedException();
        }
    }

    static ChannelClosedException sendOnClosed() {
        return new ChannelClosedException("send on closed channel");
    }

    static ChannelClosedException recvFromClosed() {
        return new ChannelClosedException("receive from closed channel");
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object v) {
        return (T) v;
    }
}
