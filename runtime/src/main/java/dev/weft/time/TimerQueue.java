package dev.weft.time;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one timer facility of the system clock: a binary min-heap of deadlines served by one
 * daemon platform thread.
 */
final class TimerQueue {
    /*
     * Design note.
     *
     * Every timed action of Weft on the real clock (context deadlines, Timer, Ticker, select
     * timeouts of parked threads) is one Entry in one array-backed binary min-heap ordered by
     * `when` (System.nanoTime() units), guarded by one lock, served by one daemon thread. This
     * is the structure of Go's per-P timer heaps (runtime/time.go) with one heap instead of one
     * per P, and of ScheduledThreadPoolExecutor's DelayedWorkQueue without its Future and
     * Callable wrappers: an Entry is 32 bytes (header, when, action, index), so a million live
     * deadlines cost about 32 MB of entries plus 4 MB of heap slots and no thread each.
     *
     *   entry states:  index >= 0  queued at heap[index]
     *                  index == -1 gone: ran, or cancelled
     *
     *   schedule: lock; sift the entry up; if it became the head and the timer thread sleeps
     *             past it, unpark the thread
     *   cancel:   lock; if queued, remove it at once (O(log n)) so cancelled deadlines never
     *             pile up; true only for the call that removed it
     *   thread:   lock; head due? remove it, unlock, run it; otherwise unlock and park until
     *             the head's time (or indefinitely when empty)
     *
     * Invariants (under lock): heap[0..size) holds exactly the queued entries, each with
     * heap[e.index] == e; a parent's `when` is not after its children's (compared by
     * difference, as nanoTime values may wrap). Actions run without the lock, so an action may
     * schedule or cancel freely (a Ticker reschedules itself from its action).
     *
     * Differences from Go's runtime: one heap and one thread rather than a heap per P checked
     * by the scheduler; an action runs on the timer thread, so it must be short and never
     * block (Go's timer functions run on the scheduler too). The thread starts with the first
     * schedule and does not inherit inheritable thread-locals, so a virtual clock installed by
     * a test (Clock.withClock) never leaks into it.
     */

    private static final int INITIAL = 64;

    private final ReentrantLock lock = new ReentrantLock();
    private Entry[] heap = new Entry[INITIAL]; // guarded by lock
    private int size;                          // guarded by lock
    private Thread thread;                     // guarded by lock; started lazily
    /**
     * What the timer thread last went to sleep for (guarded by lock): forever (empty heap), or
     * until wakeAt. A new entry unparks it only if it would otherwise oversleep, so a stream of
     * deadlines later than the head (the usual request timeouts) costs no thread wake-up.
     */
    private boolean sleepsForever;
    private long wakeAt;

    /** A scheduled action; its own cancellation handle. */
    final class Entry implements Cancellable {
        final long when;
        Runnable action; // guarded by lock; null once gone
        int index = -1;  // guarded by lock

        Entry(long when, Runnable action) {
            this.when = when;
            this.action = action;
        }

        @Override
        public boolean cancel() {
            return TimerQueue.this.cancel(this);
        }

        @Override
        public String toString() {
            return "timer entry due in " + (when - System.nanoTime()) + " ns";
        }
    }

    /** Queues {@code action} to run {@code delayNanos} from now (at once when not positive). */
    Cancellable schedule(long delayNanos, Runnable action) {
        long now = System.nanoTime();
        long delay = Math.max(0, delayNanos);
        // Saturate rather than wrap: a delay of ~292 years means never, in practice.
        long when = now + Math.min(delay, Long.MAX_VALUE / 2);
        Entry e = new Entry(when, action);
        Thread wake;
        lock.lock();
        try {
            add(e);
            boolean oversleeps = thread == null || sleepsForever || e.when - wakeAt < 0;
            wake = e.index == 0 && oversleeps ? ensureThread() : null;
        } finally {
            lock.unlock();
        }
        if (wake != null) {
            LockSupport.unpark(wake);
        }
        return e;
    }

    /** Number of queued entries; for tests and the memory benchmark. */
    int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    private boolean cancel(Entry e) {
        lock.lock();
        try {
            if (e.index < 0) {
                return false; // ran, running, or cancelled before
            }
            removeAt(e.index);
            return true;
        } finally {
            lock.unlock();
        }
    }

    private Thread ensureThread() {
        if (thread == null) {
            thread = Thread.ofPlatform()
                    .name("weft-timer")
                    .daemon(true)
                    .inheritInheritableThreadLocals(false)
                    .unstarted(this::loop);
            thread.start();
        }
        return thread;
    }

    /** The timer thread: run due entries in order, park until the next one. */
    private void loop() {
        for (;;) {
            Runnable due = null;
            long wait;
            lock.lock();
            try {
                wait = size == 0 ? -1 : heap[0].when - System.nanoTime();
                if (size > 0 && wait <= 0) {
                    due = heap[0].action;
                    removeAt(0);
                } else {
                    sleepsForever = size == 0;
                    wakeAt = size == 0 ? 0 : heap[0].when;
                }
            } finally {
                lock.unlock();
            }
            if (due != null) {
                runSafely(due);
            } else if (wait < 0) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, wait);
            }
        }
    }

    private static void runSafely(Runnable action) {
        try {
            action.run();
        } catch (Throwable t) {
            // A failing action must not kill the one timer thread: report it and go on.
            Thread self = Thread.currentThread();
            self.getUncaughtExceptionHandler().uncaughtException(self, t);
        }
    }

    // ---------------------------------------------------------------- heap, under lock

    private void add(Entry e) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        siftUp(size++, e);
    }

    private void removeAt(int i) {
        Entry gone = heap[i];
        gone.index = -1;
        gone.action = null;
        Entry last = heap[--size];
        heap[size] = null;
        if (last != gone) {
            siftDown(i, last);
            if (heap[i] == last) {
                siftUp(i, last);
            }
        }
        if (heap.length > INITIAL && size < heap.length / 4) {
            heap = Arrays.copyOf(heap, heap.length / 2); // give memory back after a burst
        }
    }

    private void siftUp(int i, Entry e) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Entry p = heap[parent];
            if (e.when - p.when >= 0) {
                break;
            }
            place(i, p);
            i = parent;
        }
        place(i, e);
    }

    private void siftDown(int i, Entry e) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            Entry c = heap[child];
            int right = child + 1;
            if (right < size && heap[right].when - c.when < 0) {
                child = right;
                c = heap[child];
            }
            if (e.when - c.when <= 0) {
                break;
            }
            place(i, c);
            i = child;
        }
        place(i, e);
    }

    private void place(int i, Entry e) {
        heap[i] = e;
        e.index = i;
    }

    @Override
    public String toString() {
        return "weft timer queue";
    }
}
