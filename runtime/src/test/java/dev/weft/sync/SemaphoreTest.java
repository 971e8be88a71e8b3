package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import dev.weft.context.ContextCanceledException;
import dev.weft.context.DeadlineExceededException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SemaphoreTest {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(20);

    /** A virtual thread running {@code body}; its failure, if any, lands in {@link Job#error}. */
    private static final class Job {
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final Thread thread;

        Job(String name, ThrowingRunnable body) {
            thread = Thread.ofVirtual().name(name).start(() -> {
                try {
                    body.run();
                } catch (Throwable t) {
                    error.set(t);
                }
            });
        }

        /** Joins within the generous test timeout and returns what the body threw, or null. */
        Throwable join() throws InterruptedException {
            if (!thread.join(Duration.ofNanos(TIMEOUT_NANOS))) {
                fail(thread.getName() + " did not finish");
            }
            return error.get();
        }

        boolean finished() {
            return !thread.isAlive();
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Waits for a state to be reached, never longer than the test timeout. */
    private static void awaitState(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting for: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    // ---- Rewrites of x/sync/semaphore's tests ----

    @Test
    @DisplayName("Go TestWeightedAcquire: an acquisition given up when it would block succeeds only with free tokens")
    void weightedAcquire() throws Exception {
        Semaphore sem = new Semaphore(2);
        List<Boolean> tries = new ArrayList<>();
        sem.acquire(Context.background(), 1);
        tries.add(acquireUnlessBlocked(sem, 1));
        tries.add(acquireUnlessBlocked(sem, 1));
        sem.release(2);
        tries.add(acquireUnlessBlocked(sem, 1));
        sem.acquire(Context.background(), 1);
        tries.add(acquireUnlessBlocked(sem, 1));
        assertEquals(List.of(true, false, true, false), tries);
    }

    /**
     * Go's tryAcquire helper used a 10 ms timeout; on a loaded machine that races with the
     * acquisition itself, so this cancels the context once the caller is seen queued instead.
     */
    private static boolean acquireUnlessBlocked(Semaphore sem, long n) throws InterruptedException {
        int queuedBefore = sem.waiting();
        CancelContext ctx = Context.background().withCancel();
        Job job = new Job("acquire", () -> sem.acquire(ctx, n));
        awaitState("acquired or queued", () -> job.finished() || sem.waiting() > queuedBefore);
        ctx.cancel();
        Throwable t = job.join();
        if (t != null && !(t instanceof ContextCanceledException)) {
            throw new AssertionError(t);
        }
        return t == null;
    }

    @Test
    @DisplayName("Go TestWeightedTryAcquire")
    void weightedTryAcquire() throws Exception {
        Semaphore sem = new Semaphore(2);
        List<Boolean> tries = new ArrayList<>();
        sem.acquire(Context.background(), 1);
        tries.add(sem.tryAcquire(1));
        tries.add(sem.tryAcquire(1));
        sem.release(2);
        tries.add(sem.tryAcquire(1));
        sem.acquire(Context.background(), 1);
        tries.add(sem.tryAcquire(1));
        assertEquals(List.of(true, false, true, false), tries);
    }

    @Test
    @DisplayName("Go TestWeightedPanic / C6: releasing more than held throws, count unchanged")
    void rule_C6_overReleaseThrows() {
        Semaphore sem = new Semaphore(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sem.release(1));
        assertEquals("semaphore: released more than held", e.getMessage());
        assertEquals(0, sem.held());
        assertTrue(sem.tryAcquire(1), "the semaphore stays usable");
        assertThrows(IllegalStateException.class, () -> sem.release(2));
        assertEquals(1, sem.held());
    }

    @Test
    @DisplayName("Go TestWeightedDoesntBlockIfTooBig: a request above the size blocks nobody")
    void weightedDoesntBlockIfTooBig() throws Exception {
        final int n = 2;
        Semaphore sem = new Semaphore(n);
        CancelContext bigCtx = Context.background().withCancel();
        Job big = new Job("too-big", () -> sem.acquire(bigCtx, n + 1));
        List<Job> small = new ArrayList<>();
        for (int i = 0; i < n * 3; i++) {
            small.add(new Job("small-" + i, () -> {
                sem.acquire(Context.background(), 1);
                Thread.yield();
                sem.release(1);
            }));
        }
        for (Job j : small) {
            assertNull(j.join());
        }
        assertFalse(big.finished());
        assertEquals(0, sem.waiting(), "a request that can never fit is not queued");
        bigCtx.cancel();
        assertInstanceOf(ContextCanceledException.class, big.join());
        assertEquals(0, sem.held());
    }

    @Test
    @DisplayName("Go TestLargeAcquireDoesntStarve: acquire(n) succeeds while n holders churn one token each")
    void largeAcquireDoesntStarve() throws Exception {
        final int n = 4;
        Semaphore sem = new Semaphore(n);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Job> churners = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sem.acquire(Context.background(), 1);
            churners.add(new Job("churn-" + i, () -> {
                try {
                    while (running.get()) {
                        Thread.yield();
                        sem.release(1);
                        sem.acquire(Context.background(), 1);
                    }
                } finally {
                    sem.release(1);
                }
            }));
        }
        Job large = new Job("large", () -> sem.acquire(Context.background(), n));
        assertNull(large.join());
        running.set(false);
        sem.release(n);
        for (Job j : churners) {
            assertNull(j.join());
        }
        assertEquals(0, sem.held());
    }

    @Test
    @DisplayName("Go TestAllocCancelDoesntStarve: cancelling a blocked large request lets a small one through")
    void allocCancelDoesntStarve() throws Exception {
        Semaphore sem = new Semaphore(10);
        sem.acquire(Context.background(), 1);
        CancelContext ctx = Context.background().withCancel();
        Job large = new Job("large", () -> sem.acquire(ctx, 10));
        // Once the large request is queued, tryAcquire fails even though 9 tokens are free.
        awaitState("large request queued", () -> {
            if (sem.tryAcquire(1)) {
                sem.release(1);
                return false;
            }
            return true;
        });
        Job canceller = new Job("cancel", ctx::cancel);
        sem.acquire(Context.background(), 1);
        sem.release(1);
        assertNull(canceller.join());
        assertInstanceOf(ContextCanceledException.class, large.join());
        assertEquals(1, sem.held());
    }

    // ---- Rule C6 ----

    @Test
    @DisplayName("C6: acquire with a done context fails even when tokens are free")
    void rule_C6_doneContextFailsEvenWithFreeTokens() throws Exception {
        Semaphore sem = new Semaphore(5);
        CancelContext ctx = Context.background().withCancel();
        ctx.cancel();
        assertThrows(ContextCanceledException.class, () -> sem.acquire(ctx, 1));
        assertThrows(ContextCanceledException.class, () -> sem.acquire(ctx, 0));
        assertEquals(0, sem.held());
        CancelContext expired = Context.background().withDeadline(java.time.Instant.EPOCH);
        assertThrows(DeadlineExceededException.class, () -> sem.acquire(expired, 1));
        assertEquals(0, sem.held());
    }

    @Test
    @DisplayName("C6: waiters are served first come, first served")
    void rule_C6_fifo() throws Exception {
        Semaphore sem = new Semaphore(1);
        sem.acquire(1);
        List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int id = i;
            jobs.add(new Job("w" + i, () -> {
                sem.acquire(1);
                order.add(id);
                sem.release(1);
            }));
            awaitState("w" + i + " queued", () -> sem.waiting() == id + 1);
        }
        sem.release(1);
        for (Job j : jobs) {
            assertNull(j.join());
        }
        assertEquals(List.of(0, 1, 2, 3, 4), order);
    }

    @Test
    @DisplayName("C6: a large request does not starve behind small ones; grants stop at the first waiter that does not fit")
    void rule_C6_largeRequestNotStarved() throws Exception {
        Semaphore sem = new Semaphore(2);
        sem.acquire(1);
        Job large = new Job("large", () -> sem.acquire(2));
        awaitState("large queued", () -> sem.waiting() == 1);
        assertFalse(sem.tryAcquire(1), "no immediate grant while someone waits, though a token is free");
        Job small = new Job("small", () -> sem.acquire(1));
        awaitState("small queued", () -> sem.waiting() == 2);
        sem.release(1);
        assertNull(large.join());
        assertEquals(2, sem.held());
        assertFalse(small.finished());
        sem.release(2);
        assertNull(small.join());
        assertEquals(1, sem.held());
    }

    @Test
    @DisplayName("C6: a cancelled waiter leaves the queue and wakes those behind it")
    void rule_C6_cancelledWaiterWakesThoseBehind() throws Exception {
        Semaphore sem = new Semaphore(2);
        sem.acquire(1);
        CancelContext ctx = Context.background().withCancel();
        Job large = new Job("large", () -> sem.acquire(ctx, 2));
        awaitState("large queued", () -> sem.waiting() == 1);
        CancelContext smallCtx = Context.background().withCancel();
        Job small = new Job("small", () -> sem.acquire(smallCtx, 1));
        awaitState("small queued", () -> sem.waiting() == 2);
        ctx.cancel();
        assertInstanceOf(ContextCanceledException.class, large.join());
        assertNull(small.join());
        assertEquals(2, sem.held());
        assertEquals(0, sem.waiting());
        smallCtx.cancel();
    }

    @Test
    @DisplayName("C6: a waiter whose deadline passes gets DeadlineExceededException and holds nothing")
    void rule_C6_deadline() throws Exception {
        Semaphore sem = new Semaphore(1);
        sem.acquire(1);
        try (CancelContext ctx = Context.background().withTimeout(Duration.ofMillis(20))) {
            assertThrows(DeadlineExceededException.class, () -> sem.acquire(ctx, 1));
        }
        assertEquals(1, sem.held());
        assertEquals(0, sem.waiting());
    }

    @Test
    @DisplayName("An interrupted waiter throws InterruptedException and leaves the queue; it parks on the semaphore")
    void interruptedWaiterLeaves() throws Exception {
        Semaphore sem = new Semaphore(1);
        sem.acquire(1);
        Job waiter = new Job("waiter", () -> sem.acquire(1));
        awaitState("waiter parked", () -> LockSupport.getBlocker(waiter.thread) == sem);
        assertTrue(sem.toString().contains("waiting=1"), sem.toString());
        waiter.thread.interrupt();
        assertInstanceOf(InterruptedException.class, waiter.join());
        assertEquals(0, sem.waiting());
        sem.release(1);
        assertEquals(0, sem.held());
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> sem.acquire(1));
        assertEquals(0, sem.held(), "an interrupted caller takes nothing, even with tokens free");
    }

    @Test
    @DisplayName("A waiter with a context also parks on the semaphore, and leaves the queue on interrupt")
    void interruptedContextWaiterLeaves() throws Exception {
        Semaphore sem = new Semaphore(1);
        sem.acquire(1);
        CancelContext ctx = Context.background().withCancel();
        Job waiter = new Job("waiter", () -> sem.acquire(ctx, 1));
        awaitState("waiter parked on the semaphore", () -> LockSupport.getBlocker(waiter.thread) == sem);
        assertEquals(1, sem.waiting());
        waiter.thread.interrupt();
        assertInstanceOf(InterruptedException.class, waiter.join());
        assertEquals(0, sem.waiting());
        assertEquals(1, sem.held());
        ctx.cancel();
    }

    @Test
    @DisplayName("A request above the size without a context waits, parked on the semaphore, until interrupted")
    void tooBigWithoutContextWaitsForInterrupt() throws Exception {
        Semaphore sem = new Semaphore(2);
        Job big = new Job("too-big", () -> sem.acquire(3));
        awaitState("parked", () -> LockSupport.getBlocker(big.thread) == sem);
        assertTrue(sem.tryAcquire(2), "it holds up nobody");
        big.thread.interrupt();
        assertInstanceOf(InterruptedException.class, big.join());
        assertEquals(2, sem.held());
    }

    @Test
    @DisplayName("Bad input: non-positive size, negative n, null context")
    void badInput() {
        assertEquals("semaphore size must be positive: 0",
                assertThrows(IllegalArgumentException.class, () -> new Semaphore(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Semaphore(-3));
        Semaphore sem = new Semaphore(1);
        assertThrows(IllegalArgumentException.class, () -> sem.acquire(-1));
        assertThrows(IllegalArgumentException.class, () -> sem.acquire(Context.background(), -1));
        assertThrows(IllegalArgumentException.class, () -> sem.tryAcquire(-1));
        assertThrows(IllegalArgumentException.class, () -> sem.release(-1));
        NullPointerException npe = assertThrows(NullPointerException.class, () -> sem.acquire(null, 1));
        assertTrue(npe.getMessage().contains("ctx"));
        assertTrue(sem.tryAcquire(0), "zero tokens are always free when nobody waits");
    }

    @Test
    @DisplayName("C6 stress: waiters cancelled at random leave no tokens held and no one queued")
    void rule_C6_stressCancellation() throws Exception {
        final long size = 4;
        Semaphore sem = new Semaphore(size);
        AtomicLong acquired = new AtomicLong();
        AtomicLong cancelled = new AtomicLong();
        List<Job> jobs = new ArrayList<>();
        for (int g = 0; g < 6; g++) {
            jobs.add(new Job("cancel-stress-" + g, () -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                for (int i = 0; i < 200; i++) {
                    long n = 1 + rnd.nextLong(size);
                    CancelContext ctx = Context.background().withCancel();
                    if (rnd.nextBoolean()) {
                        Thread.ofVirtual().start(ctx::cancel);
                    }
                    try {
                        sem.acquire(ctx, n);
                        acquired.incrementAndGet();
                        Thread.yield();
                        sem.release(n);
                    } catch (ContextCanceledException e) {
                        cancelled.incrementAndGet();
                    } finally {
                        ctx.cancel();
                    }
                }
            }));
        }
        for (Job j : jobs) {
            assertNull(j.join());
        }
        assertEquals(6 * 200, acquired.get() + cancelled.get());
        assertEquals(0, sem.held());
        assertEquals(0, sem.waiting());
    }

    @Test
    @DisplayName("Stress: random weights never exceed the size, and everything is handed back")
    void stressNeverExceedsSize() throws Exception {
        final long size = 5;
        Semaphore sem = new Semaphore(size);
        AtomicLong inUse = new AtomicLong();
        AtomicLong maxSeen = new AtomicLong();
        List<Job> jobs = new ArrayList<>();
        for (int g = 0; g < 8; g++) {
            jobs.add(new Job("stress-" + g, () -> {
                for (int i = 0; i < 300; i++) {
                    long n = 1 + ThreadLocalRandom.current().nextLong(size);
                    sem.acquire(Context.background(), n);
                    maxSeen.accumulateAndGet(inUse.addAndGet(n), Math::max);
                    inUse.addAndGet(-n);
                    sem.release(n);
                }
            }));
        }
        for (Job j : jobs) {
            assertNull(j.join());
        }
        assertTrue(maxSeen.get() <= size, "held at most the size, saw " + maxSeen.get());
        assertEquals(0, sem.held());
        assertEquals(0, sem.waiting());
    }
}
