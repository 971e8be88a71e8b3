package dev.weft.chan;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Test helper: starts goroutines (virtual threads) and joins them with a bounded timeout. A
 * goroutine that fails makes {@link #join()} fail with its exception; one that does not end in
 * time makes it fail with a dump of the stuck goroutines (name, state, what they park on, stack)
 * instead of hanging the build. Also waits for events (a thread parked on a channel) without
 * sleeping for a fixed time.
 *
 * <pre>{@code
 * try (Goroutines g = new Goroutines()) {
 *     g.go("producer", () -> ch.send(1));
 *     assertEquals(1, ch.recv());
 * }   // close() joins
 * }</pre>
 */
final class Goroutines implements AutoCloseable {
    /** Generous: the machine is shared and loaded; a correct test never waits this long. */
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);

    /** A goroutine body; may block and throw. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final Duration timeout;

    Goroutines() {
        this(JOIN_TIMEOUT);
    }

    Goroutines(Duration timeout) {
        this.timeout = timeout;
    }

    /** Starts {@code body} in a new virtual thread named {@code name}. */
    Thread go(String name, Body body) {
        Thread t = Thread.ofVirtual().name(name).unstarted(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failures.add(new AssertionError("goroutine " + name + " failed: " + e, e));
            }
        });
        threads.add(t);
        t.start();
        return t;
    }

    /** Joins every goroutine started so far; fails on the first failure or on a timeout. */
    void join() throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                fail("goroutines still running after " + timeout + ":\n" + dump(threads));
            }
        }
        threads.clear();
        Throwable first = failures.poll();
        if (first != null) {
            Throwable e;
            while ((e = failures.poll()) != null) {
                first.addSuppressed(e);
            }
            if (first instanceof AssertionError a) {
                throw a;
            }
            throw new AssertionError(first);
        }
    }

    /** Joins, as {@link #join()}; an interrupt of the test thread fails the test. */
    @Override
    public void close() {
        try {
            join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while joining goroutines", e);
        }
    }

    /**
     * Waits until {@code t} is parked on {@code blocker} (LockSupport's blocker), so the test
     * knows the goroutine is queued on the channel before it goes on.
     */
    static void awaitParkedOn(Thread t, Object blocker) {
        awaitTrue(() -> LockSupport.getBlocker(t) == blocker
                        && (t.getState() == Thread.State.WAITING
                                || t.getState() == Thread.State.TIMED_WAITING),
                () -> t + " to park on " + blocker + " (state " + t.getState() + ", blocker "
                        + LockSupport.getBlocker(t) + ")");
    }

    /**
     * Waits until {@code t} is parked on a channel or a select (not merely on a channel's lock,
     * which would only be a moment of contention).
     */
    static void awaitParked(Thread t) {
        awaitTrue(() -> {
            Object b = LockSupport.getBlocker(t);
            return (b instanceof Chan<?> || b instanceof PreparedSelect)
                    && (t.getState() == Thread.State.WAITING
                            || t.getState() == Thread.State.TIMED_WAITING);
        }, () -> t + " to park on a channel or select (state " + t.getState() + ", blocker "
                + LockSupport.getBlocker(t) + ")");
    }

    /** Waits, yielding then parking briefly, until {@code cond} holds; fails after the timeout. */
    static void awaitTrue(BooleanSupplier cond, java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
        int spins = 0;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what.get());
            }
            if (++spins < 100) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
            }
        }
    }

    /** A dump of the given threads, as a goroutine dump: name, state, blocker, stack. */
    static String dump(List<Thread> ts) {
        StringBuilder sb = new StringBuilder();
        for (Thread t : ts) {
            if (!t.isAlive()) {
                continue;
            }
            sb.append("goroutine \"").append(t.getName()).append("\" ").append(t.getState());
            Object b = LockSupport.getBlocker(t);
            if (b != null) {
                sb.append(" on ").append(b);
            }
            sb.append('\n');
            for (StackTraceElement e : t.getStackTrace()) {
                sb.append("    at ").append(e).append('\n');
            }
        }
        return sb.toString();
    }
}
