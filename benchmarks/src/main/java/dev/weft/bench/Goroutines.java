package dev.weft.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The goroutines of one benchmark invocation: each {@link #go} starts a fresh virtual thread,
 * {@link #join()} waits for all of them and rethrows the first failure. A workload that hangs
 * (a lost wake-up in the channel under test) fails the benchmark after {@link #TIMEOUT}
 * instead of stalling the whole run.
 */
final class Goroutines {
    /** Far above any invocation of these workloads (tens of milliseconds), even on a loaded box. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** A goroutine's body; benchmarks call blocking operations that throw checked exceptions. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** Starts {@code body} on a new virtual thread named {@code name}. */
    void go(String name, Body body) {
        threads.add(Thread.ofVirtual().name(name).start(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }));
    }

    /** Waits for every goroutine started so far; fails if one failed or any is still running. */
    void join() throws InterruptedException {
        for (Thread t : threads) {
            if (!t.join(TIMEOUT)) {
                throw new IllegalStateException(t.getName() + " still running after " + TIMEOUT
                        + ": the workload hung (lost wake-up?)");
            }
        }
        threads.clear();
        Throwable t = failure.getAndSet(null);
        if (t != null) {
            throw new IllegalStateException("a goroutine of the workload failed", t);
        }
    }
}
