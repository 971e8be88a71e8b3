package dev.weft.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.chan.Chan;
import dev.weft.goroutine.Goroutine;
import dev.weft.goroutine.GoroutineInfo;
import dev.weft.goroutine.Task;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeakCheckTest {
    /** What inner tests' goroutines block on; closed after each test so they all end. */
    static volatile Chan<String> gate = Chan.make();

    private final LeakFilter before = Leaks.ignoreCurrent();

    @AfterEach
    void releaseGoroutines() {
        Chan<String> g = gate;
        gate = Chan.make();
        g.close();
        Leaks.verifyNone(Duration.ofSeconds(10), before); // every goroutine of this test ends
    }

    /** A goroutine body that waits on today's gate (read now, not when it starts running). */
    static Task gated() {
        Chan<String> g = gate;
        return () -> blockOnGate(g);
    }

    static void blockOnGate(Chan<String> g) throws InterruptedException {
        g.recvOk();
    }

    @CheckLeaks
    static class Leaky {
        @Test
        void leaks() {
            Goroutine.go("leaky", gated());
        }
    }

    @Test
    void leakedGoroutineIsReportedWithNameStartSiteBlockerAndStack() {
        String message = Inner.failure(Leaky.class);
        assertTrue(message.startsWith("found 1 leaked goroutine (alive after the test ended):"), message);
        assertTrue(message.contains("goroutine leaky#"), message);
        assertTrue(message.contains("[WAITING, waiting on chan(cap=0, len=0)]"), message);
        assertTrue(message.contains("\tat dev.weft.chan.Chan.recvOk("), message);
        assertTrue(message.contains("\tat dev.weft.test.LeakCheckTest.blockOnGate("), message);
        assertTrue(message.contains("started at: dev.weft.test.LeakCheckTest$Leaky.leaks(LeakCheckTest.java:"),
                message);
    }

    @CheckLeaks
    static class Finishing {
        @Test
        void goroutineOnItsWayOut() throws InterruptedException {
            Chan<Integer> c = Chan.make();
            // Not joined: it ends just after the test body, within the check's grace period.
            Goroutine.go("finisher", () -> c.send(1));
            c.recv();
        }
    }

    @Test
    void finishedGoroutineIsNotReported() {
        Inner.passes(Finishing.class);
    }

    @CheckLeaks
    static class Clean {
        @Test
        void startsNothing() {
        }
    }

    @Test
    void goroutinesAliveBeforeTheTestAreNotItsOwn() {
        Goroutine.go("older", gated());
        Inner.passes(Clean.class);
    }

    @CheckLeaks(ignoreNames = "background-flusher")
    static class IgnoresByName {
        @Test
        void leaksAnIgnoredGoroutine() {
            Goroutine.go("background-flusher", gated());
        }
    }

    @Test
    void ignoreFilterByName() {
        Inner.passes(IgnoresByName.class);
    }

    static void startPool() {
        Goroutine.go("pool-worker", gated());
    }

    @CheckLeaks(ignoreStartSites = "dev.weft.test.LeakCheckTest.startPool")
    static class IgnoresByStartSite {
        @Test
        void leaksFromAnIgnoredSite() {
            startPool();
        }
    }

    @Test
    void ignoreFilterByStartSite() {
        Inner.passes(IgnoresByStartSite.class);
    }

    @Test
    void plainApiForOtherFrameworks() {
        LeakFilter before = Leaks.ignoreCurrent();
        Goroutine.go("plain", gated());
        AssertionError e = assertThrows(AssertionError.class,
                () -> Leaks.verifyNone(Duration.ofMillis(50), before));
        assertTrue(e.getMessage().contains("goroutine plain#"), e.getMessage());
        Leaks.verifyNone(before, LeakFilter.named("plain"));
        Leaks.verifyNone(before, LeakFilter.anyFrame("dev.weft.test.LeakCheckTest.blockOnGate"));
    }

    @Test
    void findWaitsForGoroutinesOnTheirWayOut() throws InterruptedException {
        LeakFilter before = Leaks.ignoreCurrent();
        Chan<Integer> c = Chan.make();
        Goroutine.go("exiting", () -> c.send(1));
        c.recv();
        List<GoroutineInfo> left = Leaks.find(Duration.ofSeconds(10), before);
        assertEquals(List.of(), left);
    }
}
