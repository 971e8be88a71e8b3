package dev.weft.chan;

import dev.weft.context.Context;
import dev.weft.context.ContextException;
import dev.weft.internal.CallSites;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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
public final class Chan<T> extends ChanState implements SendChan<T>, RecvChan<T> {
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
     * Whoever moves a waiter out of WAITING (a CAS on its state) owns the outcome: a partner,
     * a close, or the waiter itself when it gives up (interrupt, timeout). A select's waiter is
     * claimed first (WAITING -> CLAIMED) and its outcome published with DONE after; a plain
     * send's or receive's node is taken in one step (WAITING -> DONE, a receive's value stored
     * right after it). A node whose waiter someone else moved is stale and is dropped when met
     * in a queue or in the slot. The completer then unparks the waiter only if it announced
     * that it parks (Waiter.parking): a waiter first spins for an adaptive budget, yielding its
     * carrier instead while a partner it woke has not yet run, and most hand-offs between busy
     * goroutines complete within that (Parking).
     *
     * The slot (unbuffered channels only). Most of the time an unbuffered channel has at most
     * one waiter, a plain send or receive, and taking the lock twice per hand-off (once to wait,
     * once to complete) made it 1.4-1.9x slower than SynchronousQueue on an AMD EPYC. So such a
     * waiter waits in `slot`, put there by one CAS, and its partner, neither touching the
     * lock, takes the node with one CAS on the node's own state and completes it. That CAS is
     * the hand-off's only atomic instruction: the waiter spins on its node, so it is the write
     * the waiter waits for, and the partner leaves the taken node in the slot, where the next
     * operation on the channel finds it no longer WAITING and replaces it with its own node
     * (or, under the lock, with LOCKED). SynchronousQueue does the same: a matched node stays
     * at its head until the next operation. The waiter, once its wait is over, drops its
     * node's value and thread (Node.forget), so a channel that goes idle keeps nothing
     * reachable through the node left in its slot.
     *
     *   slot = null      nobody waits, the channel is open, and the queues are empty
     *          a Node    one plain operation waits there, or did (taken or given up: then it
     *                    counts as null, and the next operation replaces it); the queues are
     *                    empty
     *          LOCKED    the queues are in use: every operation takes the lock
     *          CLOSED    closed, for good
     *
     * Why not clear the slot right after the take, as the previous version did: that second
     * CAS, on a line the waiter wrote, sat on the partner's way to its next operation, where an
     * operation that replaces the node is about to wait anyway. Measured on the 2-core test
     * machine (benchmarks/outside-jmh.md, part of docs/performance.md, has the runs): with the
     * cores' round trip at 70-100 ns, the host's usual state, leaving the node took W2 from
     * 1.12 to 1.00 times SynchronousQueue and W1 from 1.12 to 1.07; while the host had the
     * round trip at about 500 ns, W2 stayed where it was (1.01, then 1.03) but W1 went from
     * 1.02 to 1.17. Kept for the usual state, which is also what one socket gives.
     *
     * Plain send and recv try the slot first and take the lock only when it is LOCKED or
     * CLOSED, or holds a waiter of their own kind (they queue behind it). Every locked
     * operation first makes the slot LOCKED (lockSlotLocked), moving a waiter found there, if
     * it still waits, to the head of its queue, where it keeps its turn (a partner that read
     * it from the slot just before may still take it: it is stale there, and dropped when met);
     * from then on only lock holders change the slot, so the queue-based algorithm above runs
     * unchanged, selects included. The holder that unlocks with both queues empty sets the slot
     * back to null. Invariant: a queue holds a node only while the slot is LOCKED or CLOSED; so
     * a plain operation that finds the slot null (or holding a node no longer WAITING), or a
     * waiter of the other kind there, has seen everything a locked one would.

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
    // The slot, the lock word, closed, the waiter to wake, and Go's recvq and sendq (blocked
    // receivers and senders, in arrival order) are fields of the superclass ChanState, laid out
    // together.

    private final Object[] buf;
    private final int capacity;
    private int head;        // guarded by lock
    private int count;       // guarded by lock
    /** Spin budget of a blocked operation before it parks (see Parking); a racy hint. */
    private int spins;
    /** A buffered channel's lock; null for an unbuffered one, which uses the spin lock below. */
    private final QueuedLock queuedLock;
    /** Where make() was called; null unless creation sites are recorded. */
    private final StackWalker.StackFrame madeAt;

    private static volatile boolean recordCreationSites;

    private Chan(int capacity) {
        this.capacity = capacity;
        this.madeAt = recordCreationSites ? creationSite() : null;
        // From the floor: a channel that is rarely ready (one of many, as in W7) never pays for
        // long spins, and one where spinning pays doubles its way up within a few operations.
        this.spins = Parking.MIN_SPINS;
        this.buf = capacity == 0 ? null : new Object[capacity];
        this.queuedLock = capacity == 0 ? null : new QueuedLock();
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
        Node n = null;
        if (queuedLock == null) {
            // Unbuffered: meet a waiting receiver, or wait, through the slot alone.
            for (Object s; (s = slot) != SLOT_LOCKED && s != SLOT_CLOSED;) {
                if (s == null || ((Node) s).state != Waiter.WAITING) {
                    // Nobody waits (a node left there was taken or gave up): wait here.
                    if (n == null) {
                        n = Node.solo(Thread.currentThread(), true);
                        n.offer(value);
                    }
                    if (casSlot(s, n)) {
                        awaitSend(n);
                        return;
                    }
                } else {
                    Node r = (Node) s;
                    if (r.send) {
                        break; // a sender waits already: queue behind it, under the lock
                    } else if (r.take()) {
                        r.finish(value); // and r stays in the slot (see the design note)
                        r.unpark();
                        return;
                    }
                }
            }
        }
        boolean wait = false;
        Waiter wk = null;
        lock();
        try {
            if (closed) {
                throw sendOnClosed();
            }
            if (offerLocked(value)) {
                wk = takeWake();
            } else {
                if (n == null) {
                    n = Node.solo(Thread.currentThread(), true);
                    n.offer(value);
                }
                enqueueLocked(n);
                wait = true;
            }
        } finally {
            unlock();
        }
        if (wk != null) {
            wk.unpark();
        }
        if (wait) {
            awaitSend(n);
        }
    }

    private void awaitSend(Node n) throws InterruptedException {
        awaitOrGiveUp(n);
        forgetIfInSlot(n);
        if (n.state == Waiter.DONE_CLOSED) {
            throw sendOnClosed();
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
        if (queuedLock == null && nobodyInSlot()) {
            return false; // unbuffered, open, and nobody waits (see the design note)
        }
        Waiter wk;
        lock();
        try {
            if (closed) {
                throw sendOnClosed();
            }
            if (!offerLocked(value)) {
                return false;
            }
            wk = takeWake();
        } finally {
            unlock();
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
        if (queuedLock == null && nobodyInSlot()) {
            return null; // unbuffered, open, and nobody waits (see the design note)
        }
        Object v;
        Waiter wk;
        lock();
        try {
            v = pollLocked();
            wk = takeWake();
        } finally {
            unlock();
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
        Node n = null;
        if (queuedLock == null) {
            // Unbuffered: meet a waiting sender, or wait, through the slot alone.
            for (Object s; (s = slot) != SLOT_LOCKED && s != SLOT_CLOSED;) {
                if (s == null || ((Node) s).state != Waiter.WAITING) {
                    // Nobody waits (a node left there was taken or gave up): wait here.
                    if (n == null) {
                        n = Node.solo(Thread.currentThread(), false);
                    }
                    if (casSlot(s, n)) {
                        return awaitRecv(n);
                    }
                } else {
                    Node w = (Node) s;
                    if (!w.send) {
                        break; // a receiver waits already: queue behind it, under the lock
                    } else {
                        Object v = w.offer();
                        if (w.take()) {
                            w.offer(null); // w stays in the slot (see the design note)
                            w.unpark();
                            return v;
                        }
                    }
                }
            }
        }
        Object v;
        Waiter wk;
        boolean wait = false;
        lock();
        try {
            v = pollLocked();
            wk = takeWake();
            if (v == EMPTY) {
                if (n == null) {
                    n = Node.solo(Thread.currentThread(), false);
                }
                enqueueLocked(n);
                wait = true;
            }
        } finally {
            unlock();
        }
        if (wk != null) {
            wk.unpark();
        }
        return wait ? awaitRecv(n) : v;
    }

    private Object awaitRecv(Node n) throws InterruptedException {
        awaitOrGiveUp(n);
        Object v = n.state == Waiter.DONE_CLOSED ? CLOSED : n.delivered();
        forgetIfInSlot(n);
        return v;
    }

    /**
     * Drops a finished plain node's references if the node may still sit in the slot (an
     * unbuffered channel's); a buffered channel's node has left its queue, and nothing keeps it.
     */
    private void forgetIfInSlot(Node n) {
        if (queuedLock == null) {
            n.forget();
        }
    }

    // ---------------------------------------------------------------- close, len, cap

    @Override
    public void close() {
        // Completed waiters are collected under the lock and woken after it. Their nodes may be
        // reused by a select as soon as the lock is released, so only waiters are kept.
        ArrayList<Waiter> woken = null;
        lock();
        try {
            if (closed) {
                throw new ChannelClosedException("close of closed channel");
            }
            closed = true;
            if (queuedLock == null) {
                Node n = closeSlotLocked();
                if (n != null) {
                    enqueueLocked(n); // completed with the queues, just below
                }
            }
            woken = completeAllClosed(false, woken);
            woken = completeAllClosed(true, woken);
        } finally {
            unlock();
        }
        if (woken != null) {
            for (Waiter w : woken) {
                w.unpark();
            }
        }
    }

    /** Completes every live waiter of one queue as "closed": receivers get ok=false, senders throw. */
    private ArrayList<Waiter> completeAllClosed(boolean senders, ArrayList<Waiter> woken) {
        Node n;
        while ((n = claimFirstLocked(senders, true)) != null) {
            n.finishClosed();
            if (woken == null) {
                woken = new ArrayList<>();
            }
            woken.add(n.waiter());
        }
        return woken;
    }

    @Override
    public int len() {
        lock();
        try {
            return count;
        } finally {
            unlock();
        }
    }

    @Override
    public int cap() {
        return capacity;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        lock();
        try {
            return closed;
        } finally {
            unlock();
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

    /**
     * Describes the channel for dumps and deadlock reports: {@code chan(cap=0, len=0)}, with
     * {@code , closed} once closed and {@code , made at <caller of make>} while creation sites
     * are recorded.
     */
    @Override
    public String toString() {
        // Unlocked reads: a description for dumps, which must never block.
        return "chan(cap=" + capacity + ", len=" + count + (closed ? ", closed" : "")
                + (madeAt == null ? "" : ", made at " + madeAt.toStackTraceElement()) + ")";
    }

    /**
     * Turns recording of where channels are made on or off, for channels made from now on; the
     * default is off. Each {@link #make} then walks the stack (a few microseconds), so that a
     * goroutine dump or a deadlock report can say which channel a goroutine waits on. The test
     * kit turns it on while a test runs.
     */
    public static void recordCreationSites(boolean on) {
        recordCreationSites = on;
    }

    /** Whether channel creation sites are being recorded. */
    public static boolean recordsCreationSites() {
        return recordCreationSites;
    }

    /** The first frame outside this class: whoever called make(). */
    private static StackWalker.StackFrame creationSite() {
        return CallSites.firstOutside(Chan.class.getName()::equals);
    }

    // ---------------------------------------------------------------- core, under lock

    /**
     * Takes a value if one is ready: EMPTY if the receive would block, CLOSED if closed and
     * drained. A sender it completes is left in {@link #wake}. Caller holds the lock.
     */
    Object pollLocked() {
        if (queuedLock == null) {
            lockSlotLocked();
        }
        if (count == 0 && closed) {
            return CLOSED;
        }
        Node s = claimFirstLocked(true, false);
        if (s != null) {
            Object v;
            if (capacity == 0) {
                v = s.offer();
            } else {
                // The buffer is full: take the head, the sender's value goes to the tail (the
                // same slot, since head == tail in a full ring).
                v = buf[head];
                buf[head] = s.offer();
                head = next(head);
            }
            s.finish(null);
            wake = s.waiter();
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
        if (queuedLock == null) {
            lockSlotLocked();
        }
        Node r = claimFirstLocked(false, false);
        if (r != null) {
            r.finish(v);
            wake = r.waiter();
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

    // ---------------------------------------------------------------- giving up

    /**
     * Gives up the wait of a plain operation (interrupt) by claiming its node, then takes it
     * out of the slot or its queue; returns false if a partner or a close took it first, and
     * then the node is DONE (or DONE_CLOSED).
     */
    boolean cancel(Node n) {
        if (!n.tryClaim()) {
            return false;
        }
        if (slot == n && casSlot(n, null)) {
            return true;
        }
        lock();
        try {
            unlinkLocked(n); // moved to a queue, unless a partner already dropped it as stale
        } finally {
            unlock();
        }
        return true;
    }

    // ---------------------------------------------------------------- the lock

    /*
     * The channel's lock (Go's hchan.lock). A buffered channel's is a QueuedLock, whose
     * contended acquirers park at once (why: see that class). An unbuffered channel's is a
     * test-and-test-and-set spin lock whose word sits in this object, next to the state it
     * guards.
     *
     * Why not ReentrantLock: a hand-off between two carriers moves every cache line it touches
     * from one core to the other, and a ReentrantLock adds two (its own object, and the owner
     * field it writes on every acquire). Measured in a plain pingpong and producer/consumer
     * harness on the 2-core test machine (three runs each, alternating), the spin lock took
     * 121-332 ns per message where ReentrantLock took 168-566; the buffered channels'
     * QueuedLock, with or without a spin before it queues, took W2 (JMH's methods run in one
     * JVM, alternating with SynchronousQueue) to a median of 407-426 ns where this lock gave
     * 332-346.
     *
     * Critical sections are a few dozen instructions and never block, so a contended acquirer
     * spins. A holder can still be off-CPU: its OS thread descheduled, or (in a select that
     * locks several channels) its virtual thread waiting for the next lock. So past the spin
     * the acquirer sleeps with a doubling timed park. It must not Thread.yield instead: a
     * yielding virtual thread goes back to its carrier's local queue when that is not empty,
     * so two spinners on one carrier can keep it busy forever while a holder that yielded into
     * the shared queue never runs again. (A yielding version livelocked the select stress test
     * with every worker in this loop; that is the likely mechanism.)
     */
    private static final int LOCK_SPINS = 256;
    private static final long LOCK_MIN_SLEEP_NANOS = 1_000;
    private static final long LOCK_MAX_SLEEP_NANOS = 1_000_000;

    /** What a thread sleeping for a channel's lock parks on, so dumps do not call it queued. */
    static final Object LOCK_BLOCKER = new Object() {
        @Override
        public String toString() {
            return "a channel's lock";
        }
    };

    void lock() {
        QueuedLock q = queuedLock;
        if (q != null) {
            q.lock();
        } else if (!LOCKED.compareAndSet(this, 0, 1)) {
            lockContended();
        }
    }

    private void lockContended() {
        boolean interrupted = false;
        long sleep = LOCK_MIN_SLEEP_NANOS;
        for (int spins = 0;; spins++) {
            if (locked == 0 && LOCKED.compareAndSet(this, 0, 1)) {
                break;
            }
            if (spins < LOCK_SPINS) {
                Thread.onSpinWait();
                continue;
            }
            // A pending interrupt would make parkNanos return at once and turn this into a
            // busy loop: keep it aside until the lock is ours.
            interrupted |= Thread.interrupted();
            LockSupport.parkNanos(LOCK_BLOCKER, sleep);
            sleep = Math.min(sleep * 2, LOCK_MAX_SLEEP_NANOS);
            spins = 0;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    void unlock() {
        QueuedLock q = queuedLock;
        if (q != null) {
            q.unlock();
        } else {
            unlockSlotIfIdleLocked();
            LOCKED.setRelease(this, 0);
        }
    }

    private static final VarHandle LOCKED;

    static {
        try {
            LOCKED = MethodHandles.lookup().findVarHandle(ChanState.class, "locked", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The spin budget this channel's blocked operations use now (a racy read of a hint). */
    int spinHint() {
        return spins;
    }

    private int next(int i) {
        return ++i == capacity ? 0 : i;
    }

    /** Waits for a partner; on interrupt, leaves the queue (see cancel) and throws. */
    private void awaitOrGiveUp(Node n) throws InterruptedException {
        int kept = spins;
        int budget = Parking.budget(kept);
        int outcome = Parking.await(n, this, this, null, 0, budget);
        // Racy update of a hint: a lost update costs nothing but a less tuned budget. Written
        // only on change, so a steady budget does not bounce this line between cores.
        int next = Parking.adapt(budget, outcome,
                capacity == 0 ? Parking.MAX_SPINS_HANDOFF : Parking.MAX_SPINS_BUFFERED);
        if (next != kept) {
            spins = next;
        }
        if (outcome == Parking.INTERRUPTED) {
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
