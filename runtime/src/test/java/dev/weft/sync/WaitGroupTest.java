package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.chan.Chan;
import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import dev.weft.context.ContextCanceledException;
import dev.weft.goroutine.Goroutine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rule C4 and a rewrite of Go's sync TestWaitGroup / TestWaitGroupMisuse. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WaitGroupTest {

    static void eventually(String what, BooleanSupplier cond) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting until " + what);
            }
            LockSupport.parkNanos(200_000);
        }
    }

    static void parkedOn(Thread t, Object blocker) {
        eventually(t.getName() + " parks on " + blocker,
                () -> LockSupport.getBlocker(t) == blocker && t.getState() == Thread.State.WAITING);
    }

    @Test
    void rule_C4_negativeCounterThrows() {
        WaitGroup wg = new WaitGroup();
        wg.add(1);
        wg.done();
        IllegalStateException e = assertThrows(IllegalStateException.class, wg::done);
        assertEquals("sync: negative WaitGroup counter", e.getMessage());
        assertEquals(0, wg.count(), "the failed add left the counter alone");
        assertThrows(IllegalStateException.class, () -> wg.add(-5));
    }

    @Test
    void rule_C4_waitReturnsAfterEveryDone() throws Exception {
        // Go's TestWaitGroup: wg1 releases the main goroutine only after all n called done;
        // wg2 holds the n goroutines until main calls done n times.
        int n = 16;
        WaitGroup wg1 = new WaitGroup();
        WaitGroup wg2 = new WaitGroup();
        wg1.add(n);
        wg2.add(n);
        Chan<Boolean> exited = Chan.make(n);
        for (int i = 0; i < n; i++) {
            Goroutine.go("member", () -> {
                wg1.done();
                wg2.await();
                exited.send(true);
            });
        }
        wg1.await();
        for (int i = 0; i < n; i++) {
            assertNull(exited.tryRecv(), "WaitGroup released group too soon");
            wg2.done();
        }
        for (int i = 0; i < n; i++) {
            exited.recv();
        }
    }

    @Test
    void rule_C4_waitWithAZeroCounterReturnsAtOnce() throws Exception {
        new WaitGroup().await();
        new WaitGroup().await(Context.background());
    }

    @Test
    void rule_C4_goCountsTheGoroutineUntilItEnds() throws Exception {
        WaitGroup wg = new WaitGroup();
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            wg.go(ran::incrementAndGet);
        }
        wg.await();
        assertEquals(100, ran.get());
        assertEquals(0, wg.count());
    }

    @Test
    void rule_C4_aFailingGoroutineStillCallsDoneAndIsReported() throws Exception {
        CompletableFuture<Throwable> reported = new CompletableFuture<>();
        Goroutine.setUncaughtHandler((g, t) -> reported.complete(t));
        try {
            WaitGroup wg = new WaitGroup();
            IllegalStateException boom = new IllegalStateException("boom");
            Goroutine g = wg.go("failing", () -> {
                throw boom;
            });
            wg.await();
            g.join();
            assertSame(boom, reported.getNow(null));
            assertTrue(g.name().startsWith("failing#"));
        } finally {
            Goroutine.setUncaughtHandler(null);
        }
    }

    @Test
    void waitParksOnTheWaitGroupAndIsInterruptible() throws Exception {
        WaitGroup wg = new WaitGroup();
        wg.add(3);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                wg.await();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        parkedOn(waiter, wg);
        assertEquals("waitgroup(3)", String.valueOf(LockSupport.getBlocker(waiter)));
        waiter.interrupt();
        assertInstanceOf(InterruptedException.class, outcome.get());
    }

    @Test
    void aWaiterIsReleasedEvenIfTheGroupIsReusedAtOnce() throws Exception {
        WaitGroup wg = new WaitGroup();
        wg.add(1);
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                wg.await();
            } catch (InterruptedException e) {
                fail(e);
            }
        });
        parkedOn(waiter, wg);
        wg.done();
        wg.add(1); // the next round starts before the waiter ran
        waiter.join();
        wg.done();
    }

    @Test
    void waitWithContextGivesUpWhenTheContextIsDone() throws Exception {
        WaitGroup wg = new WaitGroup();
        wg.add(1);
        try (CancelContext ctx = Context.background().withCancel()) {
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread waiter = Thread.ofVirtual().start(() -> {
                try {
                    wg.await(ctx);
                    outcome.complete(null);
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            });
            parkedOn(waiter, wg);
            ctx.cancel();
            assertInstanceOf(ContextCanceledException.class, outcome.get(20, TimeUnit.SECONDS));
            // a context already done fails at once, even with a zero counter
            wg.done();
            assertThrows(ContextCanceledException.class, () -> wg.await(ctx));
        }
    }

    @Test
    void waitWithContextReturnsWhenTheCounterReachesZero() throws Exception {
        WaitGroup wg = new WaitGroup();
        wg.add(1);
        try (CancelContext ctx = Context.background().withCancel()) {
            Thread waiter = Thread.ofVirtual().start(() -> {
                try {
                    wg.await(ctx);
                } catch (InterruptedException e) {
                    fail(e);
                }
            });
            parkedOn(waiter, wg);
            wg.done();
            waiter.join();
        }
    }

    @Test
    void manyGoroutinesManyWaiters() throws Exception {
        for (int round = 0; round < 20; round++) {
            WaitGroup wg = new WaitGroup();
            AtomicInteger sum = new AtomicInteger();
            wg.add(50);
            WaitGroup waiters = new WaitGroup();
            AtomicInteger early = new AtomicInteger();
            for (int i = 0; i < 4; i++) {
                waiters.go(() -> {
                    wg.await();
                    if (sum.get() != 50) {
                        early.incrementAndGet();
                    }
                });
            }
            for (int i = 0; i < 50; i++) {
                Goroutine.go(() -> {
                    sum.incrementAndGet();
                    wg.done();
                });
            }
            waiters.await();
            assertEquals(0, early.get(), "a waiter returned before every done");
        }
    }

    @Test
    void badInputIsRejected() {
        WaitGroup wg = new WaitGroup();
        assertThrows(NullPointerException.class, () -> wg.go(null));
        assertThrows(NullPointerException.class, () -> wg.go(null, () -> { }));
        assertEquals("context must not be null",
                assertThrows(NullPointerException.class, () -> wg.await(null)).getMessage());
        wg.add(Integer.MAX_VALUE);
        assertThrows(IllegalStateException.class, () -> wg.add(1));
    }
}
