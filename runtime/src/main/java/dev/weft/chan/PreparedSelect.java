package dev.weft.chan;

import dev.weft.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A select statement built once and run many times, with no allocation per run once built: the
 * form generated {@code @Select} loops and hot hand-written loops use. Cases are numbered in the
 * order they are added; {@link #select()} returns the number of the case that ran.
 *
 * <pre>{@code
 * PreparedSelect sel = new PreparedSelect();
 * int in = sel.recv(input);
 * int out = sel.send(output);
 * int tick = sel.after(Duration.ofSeconds(1));
 * for (;;) {
 *     sel.value(out, pending.peek());      // null disables the send this round
 *     int c = sel.select();
 *     if (c == in) { if (!sel.ok()) sel.recv(in, null); else pending.add(sel.value()); }
 *     else if (c == out) pending.poll();
 *     else if (c == tick) flush();
 * }
 * }</pre>
 *
 * <p>Rules (Go's select): every case's channel and send value are read once, before choosing;
 * among ready cases one is chosen uniformly at random; a closed channel is ready (a receive
 * yields ok=false, a send throws "send on closed channel"); a case on a null channel, or a send
 * case whose value is null, never fires; the default case runs only when no other case is
 * ready; with no ready case and no default, the select blocks; with no case at all it blocks
 * until interrupted. A timeout case ({@link #after(Duration)}) fires when that much time passes
 * with no other case ready, measured from the start of each run.
 *
 * <p>Not thread-safe: one goroutine runs a prepared select at a time.
 */
public final class PreparedSelect {
    private static final byte RECV = 1;
    private static final byte SEND = 2;
    private static final byte AFTER = 3;
    private static final byte DEFAULT = 4;

    /**
     * The select's waiter and one node per channel case, made the first time the select blocks:
     * a select built for one run that finds a case ready (a fluent {@link Select} in a busy loop)
     * never pays for them.
     */
    private SelectWaiter waiter;
    private byte[] kinds;
    private Chan<?>[] chans;
    /** Send values; allocated with the first send case. */
    private Object[] values;
    /** Timeout of each case; allocated with the first timeout case. */
    private long[] afterNanos;
    private Node[] nodes;
    private int size;
    private int defaultIndex = -1;

    // Scratch, sized with the cases: poll order and lock order of one run.
    private int[] order;
    private Chan<?>[] lockOrder;

    private Object value;
    private boolean ok;
    /**
     * Spin budget before parking (see Parking); until this select first blocks, it borrows the
     * largest budget of its channels, which their plain operations keep tuned.
     */
    private int spins = -1;

    /** An empty select; add cases, then run it. */
    public PreparedSelect() {
        this(4);
    }

    /**
     * An empty select with room for {@code capacity} cases before its arrays grow; a fluent
     * {@link Select}, often built for one run, starts small.
     */
    PreparedSelect(int capacity) {
        kinds = new byte[capacity];
        chans = new Chan<?>[capacity];
        order = new int[capacity];
        lockOrder = new Chan<?>[capacity];
    }

    /** Adds a receive case on {@code ch} (null: never fires) and returns its number. */
    public int recv(RecvChan<?> ch) {
        return add(RECV, (Chan<?>) ch, 0);
    }

    /**
     * Adds a send case on {@code ch} and returns its number; set the value to offer with
     * {@link #value(int, Object)} before each run.
     */
    public int send(SendChan<?> ch) {
        return add(SEND, (Chan<?>) ch, 0);
    }

    /** Adds a send case offering {@code v} (kept for every run until changed). */
    public int send(SendChan<?> ch, Object v) {
        int i = add(SEND, (Chan<?>) ch, 0);
        values[i] = v;
        return i;
    }

    /**
     * Adds a timeout case: it fires when {@code d} passes from the start of a run with no other
     * case ready (Go's {@code case <-time.After(d):} in a loop). A zero or negative duration
     * fires at once when no other case is ready.
     */
    public int after(Duration d) {
        Objects.requireNonNull(d, "duration must not be null");
        long nanos;
        try {
            nanos = d.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE;
        }
        return add(AFTER, null, nanos);
    }

    /**
     * Adds the default case (Go's {@code default:}), chosen when no other case is ready.
     *
     * @throws IllegalStateException if this select already has a default case
     */
    public int orElse() {
        if (defaultIndex >= 0) {
            throw new IllegalStateException("select has two default cases (cases "
                    + defaultIndex + " and " + size + ")");
        }
        defaultIndex = add(DEFAULT, null, 0);
        return defaultIndex;
    }

    /** Rebinds receive case {@code i} to {@code ch}; null disables it (Go's nil channel). */
    public void recv(int i, RecvChan<?> ch) {
        checkKind(i, RECV, "a receive");
        chans[i] = (Chan<?>) ch;
    }

    /** Rebinds send case {@code i} to {@code ch}; null disables it (Go's nil channel). */
    public void send(int i, SendChan<?> ch) {
        checkKind(i, SEND, "a send");
        chans[i] = (Chan<?>) ch;
    }

    /** Sets the value send case {@code i} offers from now on; null disables the case. */
    public void value(int i, Object v) {
        checkKind(i, SEND, "a send");
        values[i] = v;
    }

    /** The value the last run received (null if its receive saw the close). */
    public Object value() {
        return value;
    }

    /** Whether the last run's receive got a value (false: the channel was closed and drained). */
    public boolean ok() {
        return ok;
    }

    /** The number of cases. */
    public int size() {
        return size;
    }

    /**
     * Runs the select once and returns the number of the case that ran. For a receive case,
     * {@link #value()} and {@link #ok()} tell what was received.
     *
     * @throws ChannelClosedException if a send case was chosen on a closed channel
     * @throws InterruptedException if interrupted before any case ran
     */
    public int select() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        final int active = prepareOrder();
        final int locks = prepareLocks(active);
        int chosen = -1;
        boolean sendClosed = false;
        Waiter wake = null;
        long timeout = Long.MAX_VALUE;
        int timeoutIndex = -1;
        lockAll(locks);
        try {
            // Pass 1: poll the cases in random order; the first ready one runs.
            for (int j = 0; j < active; j++) {
                int i = order[j];
                Chan<?> c = chans[i];
                if (kinds[i] == RECV) {
                    Object v = c.pollLocked();
                    if (v == Chan.EMPTY) {
                        continue;
                    }
                    if (v == Chan.CLOSED) {
                        value = null;
                        ok = false;
                    } else {
                        value = v;
                        ok = true;
                    }
                } else if (c.isClosedLocked()) {
                    sendClosed = true;
                } else if (!c.offerLocked(values[i])) {
                    continue;
                }
                chosen = i;
                wake = c.takeWake();
                break;
            }
            if (chosen < 0 && defaultIndex < 0) {
                for (int i = 0; i < size; i++) {
                    if (kinds[i] == AFTER && afterNanos[i] < timeout) {
                        timeout = afterNanos[i];
                        timeoutIndex = i;
                    }
                }
                if (timeout > 0) {
                    // Pass 2: enqueue a node on every case's channel.
                    if (waiter == null) {
                        waiter = new SelectWaiter();
                    }
                    waiter.reset(Thread.currentThread());
                    if (nodes == null) {
                        nodes = new Node[kinds.length];
                    }
                    for (int j = 0; j < active; j++) {
                        int i = order[j];
                        Node n = nodes[i];
                        if (n == null) {
                            nodes[i] = n = new SelectNode(waiter, i, kinds[i] == SEND);
                        }
                        if (kinds[i] == SEND) {
                            n.offer(values[i]);
                        }
                        chans[i].enqueueLocked(n);
                    }
                }
            }
        } finally {
            unlockAll(locks);
        }
        if (wake != null) {
            wake.unpark();
        }
        if (chosen >= 0) {
            if (sendClosed) {
                throw Chan.sendOnClosed();
            }
            return chosen;
        }
        if (defaultIndex >= 0) {
            return defaultIndex;
        }
        if (timeout <= 0) {
            return timeoutIndex;
        }
        return block(active, locks, timeoutIndex, timeout);
    }

    /** Pass 3: wait, then unlink the nodes that did not win. */
    private int block(int active, int locks, int timeoutIndex, long timeout)
            throws InterruptedException {
        Clock clock = null;
        long deadline = 0;
        if (timeoutIndex >= 0 && timeout != Long.MAX_VALUE) {
            clock = Clock.current();
            deadline = clock.nanoTime() + timeout;
        }
        int kept = spins;
        if (kept < 0) {
            kept = 0;
            for (int j = 0; j < active; j++) {
                kept = Math.max(kept, chans[order[j]].spinHint());
            }
        }
        int budget = Parking.budget(kept);
        int outcome = Parking.await(waiter, this, null, clock, deadline, budget);
        spins = Parking.adapt(budget, outcome, Parking.MAX_SPINS_HANDOFF); // a field of ours
        if (outcome == Parking.DONE_SPINNING) {
            outcome = Parking.DONE;
        }
        if (!(active == 1 && outcome == Parking.DONE)) {
            // With one case that won, its node was unlinked by the partner: nothing to do.
            lockAll(locks);
            try {
                for (int j = 0; j < active; j++) {
                    int i = order[j];
                    Chan<?> c = chans[i];
                    c.unlinkLocked(nodes[i]);
                }
            } finally {
                unlockAll(locks);
            }
        }
        for (int j = 0; j < active; j++) {
            nodes[order[j]].offer(null);
        }
        if (outcome == Parking.INTERRUPTED) {
            throw new InterruptedException();
        }
        if (outcome == Parking.TIMED_OUT) {
            return timeoutIndex;
        }
        int i = waiter.index;
        if (kinds[i] == RECV) {
            value = waiter.item;
            ok = waiter.ok;
            waiter.item = null;
        } else if (!waiter.ok) {
            throw Chan.sendOnClosed();
        }
        return i;
    }

    /** Fills order[0..active) with the enabled channel cases, shuffled. */
    private int prepareOrder() {
        int active = 0;
        for (int i = 0; i < size; i++) {
            byte k = kinds[i];
            if ((k == RECV || (k == SEND && values[i] != null)) && chans[i] != null) {
                order[active++] = i;
            }
        }
        if (active > 1) {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            for (int j = active - 1; j > 0; j--) {
                int r = rnd.nextInt(j + 1);
                int t = order[j];
                order[j] = order[r];
                order[r] = t;
            }
        }
        return active;
    }

    /** Fills lockOrder with the distinct channels of the active cases, sorted by id. */
    private int prepareLocks(int active) {
        int n = 0;
        for (int j = 0; j < active; j++) {
            Chan<?> c = chans[order[j]];
            // Insertion sort: selects have few cases.
            int k = n - 1;
            boolean dup = false;
            while (k >= 0 && lockOrder[k].id >= c.id) {
                if (lockOrder[k] == c) {
                    dup = true;
                    break;
                }
                k--;
            }
            if (dup) {
                continue;
            }
            System.arraycopy(lockOrder, k + 1, lockOrder, k + 2, n - k - 1);
            lockOrder[k + 1] = c;
            n++;
        }
        return n;
    }

    private void lockAll(int n) {
        for (int i = 0; i < n; i++) {
            lockOrder[i].lock();
        }
    }

    private void unlockAll(int n) {
        for (int i = n - 1; i >= 0; i--) {
            lockOrder[i].unlock();
        }
    }

    private int add(byte kind, Chan<?> ch, long nanos) {
        if (size == kinds.length) {
            int cap = Math.max(2, size * 2);
            kinds = Arrays.copyOf(kinds, cap);
            chans = Arrays.copyOf(chans, cap);
            if (values != null) {
                values = Arrays.copyOf(values, cap);
            }
            if (afterNanos != null) {
                afterNanos = Arrays.copyOf(afterNanos, cap);
            }
            if (nodes != null) {
                nodes = Arrays.copyOf(nodes, cap);
            }
            order = Arrays.copyOf(order, cap);
            lockOrder = Arrays.copyOf(lockOrder, cap);
        }
        int i = size++;
        kinds[i] = kind;
        chans[i] = ch;
        if (kind == SEND && values == null) {
            values = new Object[kinds.length];
        }
        if (kind == AFTER) {
            if (afterNanos == null) {
                afterNanos = new long[kinds.length];
            }
            afterNanos[i] = nanos;
        }
        return i;
    }

    private void checkKind(int i, byte kind, String what) {
        if (i < 0 || i >= size || kinds[i] != kind) {
            throw new IllegalArgumentException("case " + i + " is not " + what + " case");
        }
    }

    @Override
    public String toString() {
        return "select(" + size + " cases)";
    }
}
