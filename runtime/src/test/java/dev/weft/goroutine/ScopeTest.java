package dev.weft.goroutine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.chan.Chan;
import dev.weft.context.ContextCanceledException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Scopes: errgroup's rules C1-C3 and rewrites of errgroup_test.go. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScopeTest {

    /** A task that fails with {@code e}, or succeeds when {@code e} is null. */
    private static Task failWith(Exception e) {
        return () -> {
            if (e != null) {
                throw e;
            }
        };
    }

    // ---------------------------------------------------------------- errgroup_test.go

    @Test
    void errgroup_zeroGroup_awaitReturnsTheFirstFailureSoFar() throws Exception {
        List<List<String>> cases = List.of(List.of(), Arrays.asList((String) null),
                List.of("1"), Arrays.asList("1", null), Arrays.asList("1", null, "2"));
        for (List<String> errs : cases) {
            try (Scope scope = Scope.open()) {
                RuntimeException firstErr = null;
                for (String msg : errs) {
                    RuntimeException err = msg == null ? null : new IllegalStateException(msg);
                    scope.go(failWith(err));
                    if (firstErr == null && err != null) {
                        firstErr = err;
                    }
                    if (firstErr == null) {
                        scope.await();
                    } else {
                        RuntimeException e = firstErr;
                        assertSame(e, assertThrows(RuntimeException.class, scope::await), "case " + errs);
                    }
                }
            }
        }
    }

    @Test
    void errgroup_withContext_awaitCancelsTheContext() throws Exception {
        List<List<Boolean>> cases = List.of(List.of(), Arrays.asList(false), List.of(true),
                List.of(true, false));
        for (List<Boolean> fails : cases) {
            IllegalStateException doom = new IllegalStateException("doomed");
            Scope scope = Scope.open();
            for (boolean f : fails) {
                scope.go(failWith(f ? doom : null));
            }
            if (fails.contains(true)) {
                assertSame(doom, assertThrows(IllegalStateException.class, scope::await));
            } else {
                scope.await();
            }
            assertTrue(scope.context().isDone(), "context not cancelled after await, case " + fails);
            scope.close();
        }
    }

    @Test
    void errgroup_tryGo() throws Exception {
        try (Scope scope = Scope.open()) {
            int n = 42;
            scope.limit(n);
            Chan<Integer> ch = Chan.make();
            Task fn = () -> ch.send(1);
            for (int i = 0; i < n; i++) {
                assertTrue(scope.tryGo(fn), "tryGo should succeed but failed at call " + i);
            }
            assertFalse(scope.tryGo(fn), "tryGo should fail at the limit");
            Goroutine drain = Goroutine.go(() -> {
                for (int i = 0; i < n; i++) {
                    ch.recv();
                }
            });
            scope.await();
            drain.join();

            assertTrue(scope.tryGo(fn), "tryGo should succeed once all goroutines ended");
            ch.recv();
            scope.await();

            scope.limit(1);
            assertTrue(scope.tryGo(fn));
            assertFalse(scope.tryGo(fn));
            ch.recv();
            scope.await();

            scope.limit(0); // blocks every call
            for (int i = 0; i < 1 << 10; i++) {
                assertFalse(scope.tryGo(fn), "tryGo should fail at limit 0");
            }
            scope.await();
        }
    }

    @Test
    void errgroup_goLimit_neverMoreThanTheLimitAtOnce() throws Exception {
        int limit = 10;
        AtomicInteger active = new AtomicInteger();
        try (Scope scope = Scope.open()) {
            scope.limit(limit);
            for (int i = 0; i <= 1 << 10; i++) {
                scope.go(() -> {
                    int now = active.incrementAndGet();
                    if (now > limit) {
                        throw new IllegalStateException(now + " goroutines active, limit " + limit);
                    }
                    Thread.yield();
                    active.decrementAndGet();
                });
            }
            scope.await();
        }
    }

    @Test
    void errgroup_cancelCause_isTheFirstFailureOrCanceled() throws Exception {
        IllegalStateException doom = new IllegalStateException("doomed");
        record Case(String name, List<Exception> errs, Exception want) {}
        List<Case> cases = List.of(
                new Case("no errors", List.of(), null),
                new Case("nil err", Arrays.asList((Exception) null), null),
                new Case("one error", List.of(doom), doom),
                new Case("two errors", Arrays.asList(doom, null), doom));
        for (Case c : cases) {
            try (Scope scope = Scope.open()) {
                for (Exception e : c.errs()) {
                    scope.go(failWith(e));
                }
                if (c.want() == null) {
                    scope.await();
                    assertInstanceOf(ContextCanceledException.class, scope.context().cause(), c.name());
                } else {
                    assertSame(c.want(), assertThrows(RuntimeException.class, scope::await), c.name());
                    assertSame(c.want(), scope.context().cause(), c.name());
                }
            }
        }
    }

    // ---------------------------------------------------------------- C1

    @Test
    void rule_C1_firstFailureWins_laterOnesSuppressed() throws Exception {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException later = new IllegalArgumentException("later");
        try (Scope scope = Scope.open()) {
            scope.go("later", () -> {
                scope.context().done().recvOk(); // after the first failure
                throw later;
            });
            scope.go("first", () -> {
                throw first;
            });
            RuntimeException thrown = assertThrows(RuntimeException.class, scope::await);
            assertSame(first, thrown);
            assertSame(first, scope.context().cause());
            assertEquals(List.of(later), List.of(thrown.getSuppressed()));
        }
    }

    @Test
    void rule_C1_failureInterruptsGoroutinesThatIgnoreTheContext() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicReference<Throwable> sawInterrupt = new AtomicReference<>();
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        try (Scope scope = Scope.open()) {
            scope.go("stubborn", () -> {
                blocked.countDown();
                try {
                    never.await(); // ignores the context: only an interrupt stops it
                } catch (InterruptedException e) {
                    sawInterrupt.set(e);
                    throw e;
                }
            });
            blocked.await();
            scope.go("failing", () -> {
                throw boom;
            });
            RuntimeException thrown = assertThrows(RuntimeException.class, scope::await);
            assertSame(boom, thrown);
            assertInstanceOf(InterruptedException.class, sawInterrupt.get());
            assertEquals(0, thrown.getSuppressed().length,
                    "the interrupt echoing the cancellation is not a failure of its own");
        }
    }

    @Test
    void rule_C1_checkedFailureIsWrappedAndNamesTheGoroutine() throws Exception {
        IOException io = new IOException("disk on fire");
        try (Scope scope = Scope.open()) {
            scope.go("fetch", () -> {
                throw io;
            });
            GoroutineException e = assertThrows(GoroutineException.class, scope::await);
            assertSame(io, e.getCause());
            assertTrue(e.goroutineName().startsWith("fetch#"), e.goroutineName());
            assertTrue(e.getMessage().contains(e.goroutineName()), e.getMessage());
            assertSame(io, scope.context().cause(), "the cause is what the goroutine threw");
            assertSame(e, assertThrows(GoroutineException.class, scope::await), "same every time");
        }
    }

    @Test
    void rule_C1_errorsAreRethrownAsTheyAre() throws Exception {
        AssertionError err = new AssertionError("broken");
        Scope scope = Scope.open();
        scope.go(() -> {
            throw err;
        });
        assertSame(err, assertThrows(AssertionError.class, scope::await));
        scope.close();
    }

    @Test
    void rule_C1_manyFailuresNoneLost() throws Exception {
        int n = 50;
        CountDownLatch all = new CountDownLatch(n);
        try (Scope scope = Scope.open()) {
            for (int i = 0; i < n; i++) {
                int id = i;
                scope.go(() -> {
                    all.countDown();
                    all.await(); // each fails only once all are running; interrupts may cut this short
                    throw new IllegalStateException("failure " + id);
                });
            }
            RuntimeException thrown = assertThrows(RuntimeException.class, scope::await);
            // The winner interrupts the others: each one either threw its own failure
            // (suppressed) or echoed the interrupt (dropped); none is counted twice.
            assertTrue(thrown.getSuppressed().length < n, Arrays.toString(thrown.getSuppressed()));
            for (Throwable s : thrown.getSuppressed()) {
                assertInstanceOf(IllegalStateException.class, s);
            }
        }
    }

    // ---------------------------------------------------------------- C2

    @Test
    void rule_C2_goBlocksAtTheLimitUntilASlotFrees() throws Exception {
        Chan<Integer> release = Chan.make();
        AtomicInteger started = new AtomicInteger();
        try (Scope scope = Scope.open()) {
            scope.limit(2);
            for (int i = 0; i < 2; i++) {
                scope.go("holder", () -> {
                    started.incrementAndGet();
                    release.recv();
                });
            }
            Thread spawner = Thread.ofVirtual().start(() -> {
                try {
                    scope.go("third", started::incrementAndGet);
                } catch (InterruptedException e) {
                    fail(e);
                }
            });
            Eventually.parkedOn(spawner, scope);
            assertTrue(scope.toString().contains("2 running"), scope.toString());
            assertFalse(scope.tryGo(() -> { }));
            release.send(1);
            spawner.join();
            release.send(1);
            scope.await();
            assertEquals(3, started.get());
        }
    }

    @Test
    void rule_C2_goAtTheLimitIsInterruptible() throws Exception {
        try (Scope scope = Scope.open()) {
            scope.limit(0);
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> scope.go(() -> { }));
            assertFalse(Thread.currentThread().isInterrupted());
            assertEquals("scope(0 running, limit 0)", scope.toString(), "the slot was not kept");
        }
    }

    @Test
    void rule_C2_raisingTheLimitWakesABlockedGo() throws Exception {
        try (Scope scope = Scope.open()) {
            scope.limit(0);
            Thread spawner = Thread.ofVirtual().start(() -> {
                try {
                    scope.go(() -> { });
                } catch (InterruptedException e) {
                    fail(e);
                }
            });
            Eventually.parkedOn(spawner, scope);
            scope.limit(-1);
            spawner.join();
            scope.await();
        }
    }

    // ---------------------------------------------------------------- C3

    @Test
    void rule_C3_closeLeavesNoGoroutineRunning() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(100);
        Scope scope = Scope.open();
        for (int i = 0; i < 100; i++) {
            scope.go("sleeper", () -> {
                started.countDown();
                never.await(); // ignores the context
            });
        }
        started.await();
        scope.close();
        assertTrue(Goroutine.snapshot().stream().noneMatch(g -> g.scope() == scope),
                "a goroutine outlived its scope");
        assertTrue(scope.context().isDone());
        assertEquals("scope(0 running, closed)", scope.toString());
    }

    @Test
    void rule_C3_closeWaitsEvenWhenTheClosingThreadIsInterrupted() throws Exception {
        Chan<Integer> proceed = Chan.make();
        AtomicInteger finished = new AtomicInteger();
        Scope scope = Scope.open();
        scope.go("uninterruptible", () -> {
            // Swallows interrupts: only the value lets it end.
            while (true) {
                try {
                    proceed.recv();
                    break;
                } catch (InterruptedException e) {
                    // keep waiting
                }
            }
            finished.incrementAndGet();
        });
        CompletableFuture<String> afterClose = new CompletableFuture<>();
        Thread closer = Thread.ofVirtual().start(() -> {
            Thread.currentThread().interrupt();
            scope.close();
            afterClose.complete("interrupted=" + Thread.currentThread().isInterrupted()
                    + " finished=" + finished.get());
        });
        Eventually.parkedOn(closer, scope);
        closer.interrupt();
        proceed.send(1);
        assertEquals("interrupted=true finished=1", afterClose.get(20, TimeUnit.SECONDS),
                "close must wait for its goroutine and restore the interrupt flag");
    }

    @Test
    void rule_C3_closeThrowsAFailureNobodyAwaited() {
        IllegalStateException boom = new IllegalStateException("boom");
        Scope scope = Scope.open();
        assertDoesNotThrowInterrupted(() -> scope.go(() -> {
            throw boom;
        }));
        assertSame(boom, assertThrows(IllegalStateException.class, scope::close));
        scope.close(); // once reported, a second close is quiet
    }

    @Test
    void rule_C3_closeDoesNotRethrowWhatAwaitThrew() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        Scope scope = Scope.open();
        scope.go(() -> {
            throw boom;
        });
        assertSame(boom, assertThrows(IllegalStateException.class, scope::await));
        scope.close();
    }

    @Test
    void rule_C3_anUnawaitedFailureIsSuppressedOnTheBlocksOwnException() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalArgumentException body = new IllegalArgumentException("body");
        CountDownLatch failed = new CountDownLatch(1);
        try {
            try (Scope scope = Scope.open()) {
                scope.go(() -> {
                    failed.countDown();
                    throw boom;
                });
                failed.await();
                throw body;
            }
        } catch (IllegalArgumentException e) {
            assertSame(body, e);
            assertEquals(List.of(boom), List.of(e.getSuppressed()));
        }
    }

    @Test
    void rule_C3_closeRacesWithGoroutinesSpawningSiblings() throws Exception {
        for (int round = 0; round < 20; round++) {
            Scope scope = Scope.open();
            CountDownLatch spawning = new CountDownLatch(1);
            scope.go("spawner", () -> spawnForever(scope, spawning));
            spawning.await();
            try {
                scope.close();
            } catch (IllegalStateException e) {
                fail("close rethrew a spawner's refusal", e);
            }
            Scope s = scope;
            assertTrue(Goroutine.snapshot().stream().noneMatch(g -> g.scope() == s), "round " + round);
        }
    }

    private static void spawnForever(Scope scope, CountDownLatch spawning) throws InterruptedException {
        spawning.countDown();
        while (true) {
            try {
                scope.go("child", () -> spawnForever(scope, new CountDownLatch(1)));
            } catch (IllegalStateException closed) {
                return; // the scope closed under us: expected
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    // ---------------------------------------------------------------- await, handles, names

    @Test
    void awaitParksWithTheScopeAsBlocker() throws Exception {
        Chan<Integer> release = Chan.make();
        try (Scope scope = Scope.open()) {
            scope.go(release::recv);
            Thread waiter = Thread.ofVirtual().start(() -> {
                try {
                    scope.await();
                } catch (InterruptedException e) {
                    fail(e);
                }
            });
            Eventually.parkedOn(waiter, scope);
            assertEquals("scope(1 running)", String.valueOf(java.util.concurrent.locks.LockSupport.getBlocker(waiter)));
            release.send(1);
            waiter.join();
        }
    }

    @Test
    void awaitIsInterruptibleAndLeavesTheGoroutinesToClose() throws Exception {
        Chan<Integer> never = Chan.make();
        Scope scope = Scope.open();
        scope.go(never::recv);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, scope::await);
        assertFalse(scope.context().isDone());
        scope.close();
    }

    @Test
    void asyncReturnsItsValue() throws Exception {
        try (Scope scope = Scope.open()) {
            Handle<Integer> a = scope.async("a", () -> 40);
            Handle<Integer> b = scope.async("b", () -> 2);
            assertEquals(42, a.join() + b.join());
            assertTrue(a.isDone());
            assertTrue(a.name().startsWith("a#"), a.name());
            scope.await();
        }
    }

    @Test
    void asyncFailureReachesJoinAndTheScope() throws Exception {
        IOException io = new IOException("no");
        Scope scope = Scope.open();
        Handle<String> h = scope.async("load", () -> {
            throw io;
        });
        GoroutineException e = assertThrows(GoroutineException.class, h::join);
        assertSame(io, e.getCause());
        assertSame(io, scope.context().cause(), "the handle's failure cancelled the scope");
        assertSame(e, assertThrows(GoroutineException.class, scope::await));
        scope.close(); // join already reported it
    }

    @Test
    void goroutinesAreNamedAndBelongToTheirScope() throws Exception {
        Chan<Integer> release = Chan.make();
        try (Scope scope = Scope.open()) {
            scope.go("worker", release::recv);
            scope.go(release::recv);
            List<GoroutineInfo> mine = new ArrayList<>();
            Eventually.until("both registered", () -> {
                mine.clear();
                Goroutine.snapshot().stream().filter(g -> g.scope() == scope).forEach(mine::add);
                return mine.size() == 2;
            });
            assertTrue(mine.get(0).name().matches("worker#\\d+"), mine.get(0).name());
            assertTrue(mine.get(1).name().matches("ScopeTest#\\d+"), mine.get(1).name());
            assertEquals(mine.get(0).name(), mine.get(0).thread().getName());
            assertTrue(mine.get(0).thread().isVirtual());
            release.send(1);
            release.send(2);
        }
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badInputIsRejectedWithClearErrors() throws Exception {
        assertEquals("parent context must not be null",
                assertThrows(NullPointerException.class, () -> Scope.open(null)).getMessage());
        try (Scope scope = Scope.open()) {
            assertEquals("task must not be null",
                    assertThrows(NullPointerException.class, () -> scope.go((Task) null)).getMessage());
            assertEquals("name must not be null",
                    assertThrows(NullPointerException.class, () -> scope.go(null, () -> { })).getMessage());
            assertThrows(NullPointerException.class, () -> scope.tryGo("x", null));
            assertThrows(NullPointerException.class, () -> scope.async("x", null));
        }
    }

    @Test
    void limitCannotChangeWhileGoroutinesRun() throws Exception {
        Chan<Integer> release = Chan.make();
        try (Scope scope = Scope.open()) {
            scope.go(release::recv);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> scope.limit(3));
            assertEquals("errgroup: modify limit while 1 goroutines in the scope are still active",
                    e.getMessage());
            release.send(1);
            scope.await();
            scope.limit(3); // fine once they ended
        }
    }

    @Test
    void goAfterCloseIsRejected() throws Exception {
        Scope scope = Scope.open();
        scope.close();
        assertTrue(assertThrows(IllegalStateException.class, () -> scope.go(() -> { }))
                .getMessage().startsWith("go on closed scope"));
        assertThrows(IllegalStateException.class, () -> scope.tryGo(() -> { }));
        assertThrows(IllegalStateException.class, () -> scope.async("x", () -> 1));
    }

    @Test
    void awaitOrCloseFromAGoroutineOfTheScopeIsRejected() throws Exception {
        try (Scope scope = Scope.open()) {
            Handle<String> h = scope.async("self", () -> {
                IllegalStateException a = assertThrows(IllegalStateException.class, scope::await);
                assertThrows(IllegalStateException.class, scope::close);
                return a.getMessage();
            });
            assertTrue(h.join().contains("would wait for itself"), h.join());
        }
    }

    @Test
    void openWithParentDerivesTheContext() throws Exception {
        try (var parent = dev.weft.context.Context.background().withCancel()) {
            try (Scope scope = Scope.open(parent)) {
                assertNull(scope.context().err());
                parent.cancel();
                assertTrue(scope.context().isDone());
            }
        }
    }

    private interface InterruptibleAction {
        void run() throws InterruptedException;
    }

    private static void assertDoesNotThrowInterrupted(InterruptibleAction a) {
        try {
            a.run();
        } catch (InterruptedException e) {
            fail(e);
        }
    }
}
