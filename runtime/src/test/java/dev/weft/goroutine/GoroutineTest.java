package dev.weft.goroutine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.chan.Chan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Detached goroutines, the registry and its dump. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GoroutineTest {

    @AfterEach
    void restoreDefaults() {
        Goroutine.setUncaughtHandler(null);
        Goroutine.recordStartSites(Boolean.getBoolean("weft.goroutine.startSites"));
    }

    @Test
    void goRunsTheTaskOnANamedVirtualThread() throws Exception {
        CompletableFuture<Thread> ran = new CompletableFuture<>();
        Goroutine g = Goroutine.go("printer", () -> ran.complete(Thread.currentThread()));
        g.join();
        assertTrue(g.name().matches("printer#\\d+"), g.name());
        Thread t = ran.get();
        assertTrue(t.isVirtual());
        assertEquals(g.name(), t.getName());
        assertFalse(g.isAlive());
        assertEquals("goroutine " + g.name(), g.toString());
    }

    @Test
    void sequenceNumbersAreUnique() throws Exception {
        Goroutine a = Goroutine.go("same", () -> { });
        Goroutine b = Goroutine.go("same", () -> { });
        a.join();
        b.join();
        assertFalse(a.name().equals(b.name()));
    }

    @Test
    void defaultNameIsTheTasksClass() throws Exception {
        Goroutine lambda = Goroutine.go(() -> { });
        Goroutine named = Goroutine.go(new Fetcher());
        lambda.join();
        named.join();
        assertTrue(lambda.name().matches("GoroutineTest#\\d+"), lambda.name());
        assertTrue(named.name().matches("GoroutineTest\\$Fetcher#\\d+"), named.name());
        assertEquals("Orders", Names.derive("com.example.Orders$$Lambda/0x000001f0"));
        assertEquals("goroutine", Names.derive("$$Lambda/0x1"));
    }

    private static final class Fetcher implements Task {
        @Override
        public void run() {
        }
    }

    @Test
    void countAndSnapshotSeeLiveGoroutinesUntilTheyEnd() throws Exception {
        Chan<Integer> release = Chan.make();
        List<Goroutine> gs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            gs.add(Goroutine.go("blocked", release::recv));
        }
        assertTrue(Goroutine.count() >= 5);
        for (Goroutine g : gs) {
            Eventually.parkedOn(g.thread, release);
        }
        List<GoroutineInfo> mine = Goroutine.snapshot().stream()
                .filter(i -> gs.stream().anyMatch(g -> g.thread == i.thread())).toList();
        assertEquals(5, mine.size());
        for (GoroutineInfo info : mine) {
            assertSame(release, info.waitingOn());
            assertNull(info.scope());
            assertEquals(Thread.State.WAITING, info.state());
            assertTrue(info.stack().length > 0);
        }
        for (int i = 0; i < 5; i++) {
            release.send(i);
        }
        for (Goroutine g : gs) {
            g.join();
            assertFalse(g.isAlive());
        }
        assertTrue(Goroutine.snapshot().stream().noneMatch(i -> gs.stream().anyMatch(g -> g.thread == i.thread())),
                "a joined goroutine is no longer in the registry");
    }

    @Test
    void currentIsTheRunningGoroutine() throws Exception {
        CompletableFuture<Goroutine> seen = new CompletableFuture<>();
        Goroutine g = Goroutine.go(() -> seen.complete(Goroutine.current()));
        g.join();
        assertSame(g, seen.get());
        assertNull(Goroutine.current(), "the test thread was not started through Weft");
    }

    @Test
    void dumpGroupsByStartSiteAndWhatTheyWaitOn() throws Exception {
        Goroutine.recordStartSites(true);
        Chan<Integer> jobs = Chan.make();
        List<Goroutine> gs = new ArrayList<>();
        try (Scope scope = Scope.open()) {
            for (int i = 0; i < 3; i++) {
                gs.add(startWorker(jobs)); // one start site, three goroutines
            }
            scope.go("scoped", jobs::recv);
            for (Goroutine g : gs) {
                Eventually.parkedOn(g.thread, jobs);
            }
            Eventually.until("scoped goroutine parked", () -> Goroutine.snapshot().stream()
                    .anyMatch(i -> i.scope() == scope && i.waitingOn() == jobs));
            String dump = Goroutine.dump();
            assertTrue(dump.startsWith("goroutine profile: total "), dump);
            assertTrue(dump.contains("3 @ dev.weft.goroutine.GoroutineTest.startWorker(GoroutineTest.java:"), dump);
            assertTrue(dump.contains("  waiting on: " + jobs), dump);
            for (Goroutine g : gs) {
                assertTrue(dump.contains("  goroutine " + g.name() + " [WAITING]:\n"), dump);
            }
            assertTrue(dump.contains("1 @ dev.weft.goroutine.GoroutineTest.dumpGroupsByStartSiteAndWhatTheyWaitOn("), dump);
            assertTrue(dump.matches("(?s).*goroutine scoped#\\d+ \\[WAITING] in scope\\(1 running\\):.*"), dump);
            assertTrue(dump.contains("dev.weft.chan.Chan.recv("), "stacks are printed: " + dump);
            for (int i = 0; i < 4; i++) {
                jobs.send(i);
            }
        }
        for (Goroutine g : gs) {
            g.join();
        }
    }

    private static Goroutine startWorker(Chan<Integer> jobs) {
        return Goroutine.go("worker", jobs::recv);
    }

    @Test
    void withoutStartSitesTheDumpGroupsByName() throws Exception {
        Goroutine.recordStartSites(false);
        Chan<Integer> jobs = Chan.make();
        Goroutine g = Goroutine.go("unsited", jobs::recv);
        Eventually.parkedOn(g.thread, jobs);
        GoroutineInfo info = Goroutine.snapshot().stream().filter(i -> i.thread() == g.thread).findFirst().orElseThrow();
        assertNull(info.startSite());
        assertTrue(Goroutine.dump().contains("1 @ unsited#*" + Profile.NOT_RECORDED), Goroutine.dump());
        jobs.send(1);
        g.join();
    }

    @Test
    void dumpSurvivesABlockerWhoseToStringThrows() {
        Object evil = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("nope");
            }
        };
        assertTrue(Profile.describe(evil).contains("toString failed"));
        assertEquals("nothing", Profile.describe(null));
    }

    @Test
    void detachedFailureGoesToTheHandler() throws Exception {
        CompletableFuture<Throwable> got = new CompletableFuture<>();
        CompletableFuture<Goroutine> from = new CompletableFuture<>();
        Goroutine.setUncaughtHandler((g, t) -> {
            from.complete(g);
            got.complete(t);
        });
        IOException io = new IOException("lost?");
        Goroutine g = Goroutine.go("failing", () -> {
            throw io;
        });
        g.join(); // the handler ran before join returns
        assertTrue(got.isDone());
        assertSame(io, got.get());
        assertSame(g, from.get());
    }

    @Test
    void detachedFailureGoesToTheThreadsUncaughtHandlerByDefault() throws Exception {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        CompletableFuture<String> threadName = new CompletableFuture<>();
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicInteger calls = new AtomicInteger();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (e == boom) {
                calls.incrementAndGet();
                threadName.complete(t.getName());
            }
        });
        try {
            Goroutine g = Goroutine.go("loud", () -> {
                throw boom;
            });
            g.join();
            assertEquals(g.name(), threadName.get(10, TimeUnit.SECONDS));
            assertEquals(1, calls.get());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    @Test
    void joinParksOnTheGoroutineAndIsInterruptible() throws Exception {
        Chan<Integer> release = Chan.make();
        Goroutine g = Goroutine.go("slow", release::recv);
        Thread joiner = Thread.ofVirtual().start(() -> {
            try {
                g.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        Eventually.parkedOn(joiner, g);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, g::join);
        release.send(1);
        joiner.join();
        g.join();
    }

    @Test
    void badInputIsRejected() {
        assertEquals("task must not be null",
                assertThrows(NullPointerException.class, () -> Goroutine.go((Task) null)).getMessage());
        assertEquals("name must not be null",
                assertThrows(NullPointerException.class, () -> Goroutine.go(null, () -> { })).getMessage());
        assertThrows(NullPointerException.class, () -> Goroutine.go("x", null));
    }

    @Test
    void startSiteIsTheCallerOfGo() throws Exception {
        Goroutine.recordStartSites(true);
        assertTrue(Goroutine.recordsStartSites());
        Chan<Integer> c = Chan.make();
        Goroutine g = Goroutine.go("sited", c::recv);
        GoroutineInfo info = Goroutine.snapshot().stream().filter(i -> i.thread() == g.thread).findFirst().orElseThrow();
        assertNotNull(info.startSite());
        assertEquals(GoroutineTest.class.getName(), info.startSite().getClassName());
        assertEquals("startSiteIsTheCallerOfGo", info.startSite().getMethodName());
        c.send(1);
        g.join();
    }
    @Test
    void waitGroupGoRecordsItsCallerAsStartSite() throws Exception {
        Goroutine.recordStartSites(true);
        Chan<Integer> c = Chan.make();
        dev.weft.sync.WaitGroup wg = new dev.weft.sync.WaitGroup();
        Goroutine g = wg.go("viaWaitGroup", c::recv);
        GoroutineInfo info = Goroutine.snapshot().stream().filter(i -> i.thread() == g.thread).findFirst().orElseThrow();
        assertEquals("waitGroupGoRecordsItsCallerAsStartSite", info.startSite().getMethodName());
        c.send(1);
        wg.await();
    }

    @Test
    void dumpPutsTheLargestGroupFirst() {
        Thread t = Thread.currentThread();
        StackTraceElement[] none = new StackTraceElement[0];
        StackTraceElement a = new StackTraceElement("A", "a", "A.java", 1);
        StackTraceElement b = new StackTraceElement("B", "b", "B.java", 2);
        String dump = Profile.format(List.of(
                new GoroutineInfo("x#1", t, Thread.State.RUNNABLE, a, null, null, none, null),
                new GoroutineInfo("y#2", t, Thread.State.WAITING, b, "chan(cap=0, len=0)", null, none, null),
                new GoroutineInfo("y#3", t, Thread.State.WAITING, b, "chan(cap=0, len=0)", null, none, null)));
        assertEquals("""
                goroutine profile: total 3

                2 @ B.b(B.java:2)
                  waiting on: chan(cap=0, len=0)
                  goroutine y#2 [WAITING]:
                  goroutine y#3 [WAITING]:

                1 @ A.a(A.java:1)
                  waiting on: nothing
                  goroutine x#1 [RUNNABLE]:
                """, dump);
    }
    @Test
    void aGoroutineCannotJoinItself() throws Exception {
        CompletableFuture<Throwable> got = new CompletableFuture<>();
        Goroutine g = Goroutine.go("selfish", () -> {
            try {
                Goroutine.current().join();
                got.complete(null);
            } catch (Throwable t) {
                got.complete(t);
            }
        });
        g.join();
        assertTrue(got.get() instanceof IllegalStateException, String.valueOf(got.get()));
        assertTrue(got.get().getMessage().contains("joins itself"));
    }
}
