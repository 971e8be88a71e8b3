package dev.weft.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.chan.Chan;
import dev.weft.context.Context;
import dev.weft.goroutine.Goroutine;
import dev.weft.time.Clock;
import dev.weft.time.Time;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The plain API, {@link Bubble#run}, from a test that is not itself in a bubble. */
class BubbleTest {

    @Test
    void runsTheBodyOnVirtualTime() throws Exception {
        Bubble.run(() -> {
            Time.sleep(Context.background(), Duration.ofDays(1));
            assertEquals(VirtualClock.EPOCH.plus(Duration.ofDays(1)), Clock.current().now());
        });
    }

    @Test
    void eachBubbleHasItsOwnClockFromTheEpoch() throws Exception {
        AtomicReference<VirtualClock> first = new AtomicReference<>();
        Bubble.run(() -> first.set(Bubble.clock()));
        Bubble.run(() -> {
            assertTrue(Bubble.clock() != first.get());
            assertEquals(Duration.ZERO, Bubble.clock().elapsed());
        });
    }

    @Test
    void goroutinesOtherCodeStartsMeanwhileAreNotTheBubbles() throws Exception {
        // Another test, running in parallel, starts a goroutine while the bubble runs; it stays
        // blocked past the bubble's end. Counted as the bubble's, it would be reported as a
        // leak (and, had the bubble waited, as part of a deadlock).
        Chan<String> outsiderStarted = Chan.make(1);
        Chan<String> releaseOutsider = Chan.make();
        Chan<String> bubbleRunning = Chan.make();
        Thread otherTest = Thread.ofVirtual().start(() -> {
            try {
                bubbleRunning.recv();
                Goroutine.go("outsider", releaseOutsider::recvOk);
                outsiderStarted.send("started");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            Bubble.run(() -> {
                bubbleRunning.send("go");
                outsiderStarted.recv();
                Goroutine.go("insider", () -> Time.sleep(Context.background(), Duration.ofHours(1)));
                Time.sleep(Context.background(), Duration.ofHours(2));
            });
        } finally {
            releaseOutsider.close();
            otherTest.join();
        }
    }

    @Test
    void twoBubblesInParallelKeepTheirOwnTimeAndGoroutines() throws Exception {
        Bubble.Body body = () -> {
            Chan<Duration> done = Chan.make();
            for (int i = 1; i <= 3; i++) {
                Duration d = Duration.ofMinutes(i);
                Goroutine.go("sleeper", () -> {
                    Time.sleep(Context.background(), d);
                    done.send(Bubble.clock().elapsed());
                });
            }
            for (int i = 1; i <= 3; i++) {
                assertEquals(Duration.ofMinutes(i), done.recv());
            }
        };
        AtomicReference<Throwable> otherFailed = new AtomicReference<>();
        Thread other = Thread.ofVirtual().start(() -> {
            try {
                for (int r = 0; r < 5; r++) {
                    Bubble.run(body);
                }
            } catch (Throwable t) {
                otherFailed.set(t);
            }
        });
        for (int r = 0; r < 5; r++) {
            Bubble.run(body);
        }
        other.join();
        if (otherFailed.get() != null) {
            throw new AssertionError("the bubble running in parallel failed", otherFailed.get());
        }
    }

    @Test
    void deadlockThrowsDeadlockError() {
        DeadlockError e = assertThrows(DeadlockError.class, () -> Bubble.run(() -> Chan.make().recv()));
        assertTrue(e.getMessage().startsWith(DeadlockError.MESSAGE + "\n\ngoroutine bubble (test body)"),
                e.getMessage());
    }

    @Test
    void bodyFailureIsRethrownWithLeaksSuppressed() {
        Chan<String> forever = Chan.make();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Bubble.run(() -> {
            Goroutine.go("stuck", forever::recvOk);
            throw new IllegalStateException("boom");
        }));
        forever.close();
        assertEquals(1, e.getSuppressed().length);
        assertTrue(e.getSuppressed()[0].getMessage().contains("goroutine stuck#"));
    }

    @Test
    void leakFiltersApply() throws Exception {
        Chan<String> forever = Chan.make();
        try {
            Bubble.run(() -> Goroutine.go("daemon", forever::recvOk), LeakFilter.named("daemon"));
        } finally {
            forever.close();
        }
    }

    @Test
    void clockOutsideABubbleIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Bubble::clock);
        assertTrue(e.getMessage().startsWith("not in a bubble"), e.getMessage());
    }

    @Test
    void startSiteRecordingIsRestored() throws Exception {
        boolean was = Goroutine.recordsStartSites();
        Bubble.run(() -> assertTrue(Goroutine.recordsStartSites()));
        assertEquals(was, Goroutine.recordsStartSites());
    }

    @Test
    void nullBodyIsRejected() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Bubble.run(null));
        assertEquals("body", e.getMessage());
    }
}
