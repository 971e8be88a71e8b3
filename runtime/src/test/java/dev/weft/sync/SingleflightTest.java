package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.chan.Chan;
import dev.weft.chan.RecvChan;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SingleflightTest {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(20);

    /** A virtual thread calling doCall; keeps its result or what it threw. */
    private static final class Caller {
        final AtomicReference<Singleflight.Result<String>> result = new AtomicReference<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final Thread thread;

        Caller(Singleflight<String, String> g, String key, java.util.concurrent.Callable<String> fn) {
            thread = Thread.ofVirtual().start(() -> {
                try {
                    result.set(g.doCall(key, fn));
                } catch (Throwable t) {
                    error.set(t);
                }
            });
        }

        Caller join() throws InterruptedException {
            if (!thread.join(Duration.ofNanos(TIMEOUT_NANOS))) {
                fail("doCall hangs");
            }
            return this;
        }
    }

    private static void awaitState(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting for: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static <T> T recvWithin(RecvChan<T> ch) throws InterruptedException {
        AtomicReference<T> got = new AtomicReference<>();
        int c = dev.weft.chan.Select.on()
                .recv(ch, got::set)
                .after(Duration.ofNanos(TIMEOUT_NANOS), () -> { })
                .run();
        if (c != 0) {
            fail("no result on the channel");
        }
        return got.get();
    }

    // ---- Rewrites of x/sync/singleflight's tests ----

    @Test
    @DisplayName("Go TestDo: a lone call returns its value, not shared")
    void doReturnsValue() throws Exception {
        Singleflight<String, String> g = new Singleflight<>();
        Singleflight.Result<String> r = g.doCall("key", () -> "bar");
        assertEquals("bar", r.value());
        assertNull(r.failure());
        assertFalse(r.shared());
        assertEquals("bar", r.get());
    }

    @Test
    @DisplayName("Go TestDoErr: the function's failure reaches the caller")
    void doErr() {
        Singleflight<String, String> g = new Singleflight<>();
        IllegalStateException someErr = new IllegalStateException("some error");
        IllegalStateException got = assertThrows(IllegalStateException.class,
                () -> g.doCall("key", () -> { throw someErr; }));
        assertSame(someErr, got);
        IOException io = new IOException("disk");
        CompletionException wrapped = assertThrows(CompletionException.class,
                () -> g.doCall("key", () -> { throw io; }));
        assertSame(io, wrapped.getCause(), "a checked failure is wrapped, never lost");
    }

    @Test
    @DisplayName("Go TestDoDupSuppress / C7: one execution per key in flight; duplicates share result and flag")
    void rule_C7_dupSuppress() throws Exception {
        Singleflight<String, String> g = new Singleflight<>();
        Chan<String> release = Chan.make(1);
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        java.util.concurrent.Callable<String> fn = () -> {
            calls.incrementAndGet();
            firstStarted.countDown();
            return release.recv();
        };
        final int n = 10;
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller(g, "key", fn));
        assertTrue(firstStarted.await(20, TimeUnit.SECONDS));
        for (int i = 1; i < n; i++) {
            callers.add(new Caller(g, "key", fn));
        }
        awaitState("all duplicates waiting", () -> g.duplicates("key") == n - 1);
        release.send("bar");
        for (Caller c : callers) {
            c.join();
            assertNull(c.error.get());
            assertEquals("bar", c.result.get().value());
            assertTrue(c.result.get().shared(), "every caller, the leader too, sees shared = true");
        }
        assertEquals(1, calls.get());
        assertEquals(0, g.duplicates("key"));
    }

    @Test
    @DisplayName("Go TestForget / C7: forget starts afresh; a forgotten call does not evict its successor")
    void rule_C7_forget() throws Exception {
        Singleflight<String, Integer> g = new Singleflight<>();
        CountDownLatch firstStarted = new CountDownLatch(1);
        Chan<Void> unblockFirst = Chan.make();
        Chan<Void> unblockSecond = Chan.make();
        Thread first = Thread.ofVirtual().start(() -> {
            try {
                g.doCall("key", () -> {
                    firstStarted.countDown();
                    unblockFirst.recvOk();
                    return 1;
                });
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(firstStarted.await(20, TimeUnit.SECONDS));
        g.forget("key");
        RecvChan<Singleflight.Result<Integer>> second = g.doChan("key", () -> {
            unblockSecond.recvOk();
            return 2;
        });
        unblockFirst.close();
        assertTrue(first.join(Duration.ofNanos(TIMEOUT_NANOS)));
        // The first call ended after being forgotten: the second must still be in flight.
        RecvChan<Singleflight.Result<Integer>> third = g.doChan("key", () -> 3);
        unblockSecond.close();
        assertEquals(2, recvWithin(second).value());
        Singleflight.Result<Integer> r = recvWithin(third);
        assertEquals(2, r.value(), "the third call joins the second, not a fresh one");
        assertTrue(r.shared());
        assertEquals(4, g.doCall("key", () -> 4).value(), "nothing in flight: a fresh run");
    }

    @Test
    @DisplayName("Go TestDoChan: the channel form delivers the result")
    void doChan() throws Exception {
        Singleflight<String, String> g = new Singleflight<>();
        Singleflight.Result<String> r = recvWithin(g.doChan("key", () -> "bar"));
        assertEquals("bar", r.value());
        assertNull(r.failure());
        assertFalse(r.shared());
    }

    @Test
    @DisplayName("Go TestPanicDo / C7: an Error in fn reaches every caller and nobody hangs")
    void rule_C7_errorReachesEveryCallerNoHang() throws Exception {
        Singleflight<String, String> g = new Singleflight<>();
        Chan<Void> gate = Chan.make();
        CountDownLatch started = new CountDownLatch(1);
        StackOverflowError boom = new StackOverflowError("boom");
        java.util.concurrent.Callable<String> fn = () -> {
            started.countDown();
            gate.recvOk();
            throw boom;
        };
        final int n = 5;
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller(g, "key", fn));
        assertTrue(started.await(20, TimeUnit.SECONDS));
        for (int i = 1; i < n; i++) {
            callers.add(new Caller(g, "key", fn));
        }
        awaitState("duplicates waiting", () -> g.duplicates("key") == n - 1);
        RecvChan<Singleflight.Result<String>> ch = g.doChan("key", fn);
        gate.close();
        for (Caller c : callers) {
            assertSame(boom, c.join().error.get());
        }
        Singleflight.Result<String> r = recvWithin(ch);
        assertSame(boom, r.failure());
        assertFalse(r.ok());
        assertSame(boom, assertThrows(StackOverflowError.class, r::get));
    }

    @Test
    @DisplayName("C7: an Error in doChan's function reaches the channel instead of crashing")
    void rule_C7_doChanError() throws Exception {
        Singleflight<String, String> g = new Singleflight<>();
        Singleflight.Result<String> r = recvWithin(g.doChan("key", () -> { throw new OutOfMemoryError("fake"); }));
        assertInstanceOf(OutOfMemoryError.class, r.failure());
        assertNull(r.value());
    }

    @Test
    @DisplayName("C7: an interrupted duplicate gives up alone; the call goes on for the others")
    void rule_C7_interruptedCallerDoesNotHangOthers() throws Exception {
        Singleflight<String, String> g = new Singleflight<>();
        Chan<String> release = Chan.make(1);
        CountDownLatch started = new CountDownLatch(1);
        java.util.concurrent.Callable<String> fn = () -> {
            started.countDown();
            return release.recv();
        };
        Caller leader = new Caller(g, "key", fn);
        assertTrue(started.await(20, TimeUnit.SECONDS));
        Caller quitter = new Caller(g, "key", fn);
        Caller stayer = new Caller(g, "key", fn);
        awaitState("two duplicates", () -> g.duplicates("key") == 2);
        awaitState("quitter parked on the call",
                () -> String.valueOf(LockSupport.getBlocker(quitter.thread)).contains("key"));
        quitter.thread.interrupt();
        assertInstanceOf(InterruptedException.class, quitter.join().error.get());
        assertEquals(1, g.duplicates("key"));
        release.send("v");
        assertEquals("v", leader.join().result.get().value());
        assertTrue(leader.result.get().shared());
        assertEquals("v", stayer.join().result.get().value());
    }

    @Test
    @DisplayName("C7: a leader interrupted inside fn gets its InterruptedException; duplicates get it wrapped")
    void rule_C7_leaderInterrupted() throws Exception {
        Singleflight<String, String> g = new Singleflight<>();
        CountDownLatch started = new CountDownLatch(1);
        java.util.concurrent.Callable<String> fn = () -> {
            started.countDown();
            Chan.<String>make().recv(); // blocks until interrupted
            return "never";
        };
        Caller leader = new Caller(g, "key", fn);
        assertTrue(started.await(20, TimeUnit.SECONDS));
        Caller dup = new Caller(g, "key", fn);
        awaitState("duplicate waiting", () -> g.duplicates("key") == 1);
        leader.thread.interrupt();
        assertInstanceOf(InterruptedException.class, leader.join().error.get());
        CompletionException e = assertInstanceOf(CompletionException.class, dup.join().error.get());
        assertInstanceOf(InterruptedException.class, e.getCause());
    }

    @Test
    @DisplayName("C7 stress: every caller gets its key's value; never more runs than callers")
    void rule_C7_stress() throws Exception {
        Singleflight<Integer, String> g = new Singleflight<>();
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        final int callers = 8;
        final int perCaller = 300;
        for (int t = 0; t < callers; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < perCaller; i++) {
                    int key = i % 4;
                    try {
                        Singleflight.Result<String> r = g.doCall(key, () -> {
                            runs.incrementAndGet();
                            Thread.yield();
                            return "v" + key;
                        });
                        if (!r.value().equals("v" + key)) {
                            error.set(new AssertionError("key " + key + " got " + r.value()));
                        }
                    } catch (Throwable e) {
                        error.set(e);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            assertTrue(t.join(Duration.ofNanos(TIMEOUT_NANOS)));
        }
        assertNull(error.get());
        assertTrue(runs.get() >= 1 && runs.get() <= callers * perCaller, "runs: " + runs.get());
        assertEquals("Singleflight[]", g.toString(), "nothing left in flight");
    }

    @Test
    @DisplayName("Different keys run independently; bad input is rejected")
    void keysAreIndependentAndBadInput() throws Exception {
        Singleflight<String, String> g = new Singleflight<>();
        assertEquals("a", g.doCall("a", () -> "a").value());
        assertEquals("b", g.doCall("b", () -> "b").value());
        assertNull(g.doCall("n", () -> null).value(), "null values are allowed, as Go's nil");
        assertThrows(NullPointerException.class, () -> g.doCall(null, () -> "x"));
        assertThrows(NullPointerException.class, () -> g.doCall("k", null));
        assertThrows(NullPointerException.class, () -> g.doChan(null, () -> "x"));
        assertThrows(NullPointerException.class, () -> g.forget(null));
        assertEquals("Singleflight[]", g.toString());
    }
}
