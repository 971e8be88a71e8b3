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
