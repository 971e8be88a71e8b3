package dev.weft.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.chan.Chan;
import dev.weft.chan.Select;
import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import dev.weft.context.DeadlineExceededException;
import dev.weft.goroutine.Goroutine;
import dev.weft.time.Clock;
import dev.weft.time.Ticker;
import dev.weft.time.Time;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@WeftTest
class VirtualTimeTest {
    /** Sanity bound only: the point is virtual time, asserted exactly below. */
    private static final long REAL_BOUND_NANOS = TimeUnit.SECONDS.toNanos(10);

    @Test
    void anHourOfTickerInSixtyExactTicks() throws InterruptedException {
        long realStart = System.nanoTime();
        Ticker ticker = Ticker.start(Duration.ofMinutes(1));
        try {
            for (int i = 1; i <= 60; i++) {
                Instant tick = ticker.c().recv();
                assertEquals(VirtualClock.EPOCH.plus(Duration.ofMinutes(i)), tick);
            }
        } finally {
            ticker.stop();
        }
        assertEquals(Duration.ofHours(1), Bubble.clock().elapsed());
        assertTrue(System.nanoTime() - realStart < REAL_BOUND_NANOS);
    }

    @Test
    void tenMinuteContextTimeout() throws InterruptedException {
        long realStart = System.nanoTime();
        try (CancelContext ctx = Context.background().withTimeout(Duration.ofMinutes(10))) {
            assertEquals(VirtualClock.EPOCH.plus(Duration.ofMinutes(10)), ctx.deadline().orElseThrow());
            assertFalse(ctx.done().recvOk().ok()); // closed when the deadline passes
            assertInstanceOf(DeadlineExceededException.class, ctx.err());
            assertEquals(VirtualClock.EPOCH.plus(Duration.ofMinutes(10)), Clock.current().now());
        }
        assertTrue(System.nanoTime() - realStart < REAL_BOUND_NANOS);
    }

    @Test
    void selectTimeoutFiresAtItsExactTime() throws InterruptedException {
        Chan<String> never = Chan.make();
        int chosen = Select.on()
                .recv(never, v -> { })
                .after(Duration.ofSeconds(30), () -> { })
                .run();
        assertEquals(1, chosen);
        assertEquals(Duration.ofSeconds(30), Bubble.clock().elapsed());
    }

    @Test
    void sleepingGoroutinesWakeInTimeOrder() throws InterruptedException {
        Chan<String> woke = Chan.make(2);
        Goroutine.go("slow", () -> {
            Time.sleep(Context.background(), Duration.ofHours(2));
            woke.send("slow at " + Clock.current().now());
        });
        Goroutine.go("fast", () -> {
            Time.sleep(Context.background(), Duration.ofHours(1));
            woke.send("fast at " + Clock.current().now());
        });
        assertEquals(List.of("fast at 2000-01-01T01:00:00Z", "slow at 2000-01-01T02:00:00Z"),
                List.of(woke.recv(), woke.recv()));
    }

    @Test
    void timeStandsStillWhileSomethingRuns() {
        long start = Clock.current().nanoTime();
        long sum = 0;
        for (int i = 0; i < 1_000_000; i++) {
            sum += i;
        }
        assertEquals(499_999_500_000L, sum);
        assertEquals(start, Clock.current().nanoTime());
    }

    @Test
    void goroutinesStartedInTheBubbleShareItsClock() throws InterruptedException {
        Chan<Clock> seen = Chan.make();
        Goroutine.go("peek", () -> seen.send(Clock.current()));
        assertEquals(Bubble.clock(), seen.recv());
    }

    @Test
    void timeDoesNotJumpWhileGoroutinesHandValuesBackAndForth() throws InterruptedException {
        // The watchdog reads threads one by one; a ping-pong is the case where each read may
        // find its thread parked while the other runs. It must never take that for sleep.
        try (CancelContext ctx = Context.background().withTimeout(Duration.ofSeconds(1))) {
            Chan<Integer> ping = Chan.make();
            Chan<Integer> pong = Chan.make();
            Goroutine.go("ponger", () -> {
                for (Integer v : ping) {
                    pong.send(v + 1);
                }
            });
            for (int i = 0; i < 10_000; i++) {
                ping.send(i);
                assertEquals(i + 1, pong.recv(ctx)); // a false jump would end ctx first
                assertEquals(Duration.ZERO, Bubble.clock().elapsed());
            }
            ping.close();
        }
    }

    @Test
    void timeDoesNotJumpWhileAPipelineFlows() throws InterruptedException {
        // Three goroutines and the body hand values on; at most moments several are parked.
        // A false jump would end ctx, fail a send, and leave the body waiting forever.
        try (CancelContext ctx = Context.background().withTimeout(Duration.ofSeconds(1))) {
            Chan<Integer> source = Chan.make();
            Chan<Integer> doubled = Chan.make();
            Chan<Integer> plusOne = Chan.make(4);
            Goroutine.go("source", () -> {
                for (int i = 0; i < 5_000; i++) {
                    source.send(ctx, i);
                }
                source.close();
            });
            Goroutine.go("doubler", () -> {
                for (int v : source) {
                    doubled.send(ctx, v * 2);
                }
                doubled.close();
            });
            Goroutine.go("incrementer", () -> {
                for (int v : doubled) {
                    plusOne.send(ctx, v + 1);
                }
                plusOne.close();
            });
            long sum = 0;
            for (int v : plusOne) {
                sum += v;
            }
            assertEquals(25_000_000L, sum);
            assertEquals(Duration.ZERO, Bubble.clock().elapsed());
        }
    }

    @WeftTest
    static class SleeperEndsAfterTheBody {
        @Test
        void leavesASleeper() {
            // Not a leak: time keeps moving after the body, so the hour passes and it ends.
            Goroutine.go("sleeper", () -> Time.sleep(Context.background(), Duration.ofHours(1)));
        }
    }

    @Test
    void goroutineSleepingInVirtualTimeIsNoLeak() {
        Inner.passes(SleeperEndsAfterTheBody.class);
    }

    static final Chan<String> forever = Chan.make();

    @WeftTest
    static class LeaksInABubble {
        @Test
        void leaks() {
            Goroutine.go("stuck", forever::recv);
        }
    }

    @Test
    void leakInABubbleIsReported() throws InterruptedException {
        try {
            String m = Inner.failure(LeaksInABubble.class);
            assertTrue(m.startsWith("found 1 leaked goroutine"), m);
            assertTrue(m.contains("goroutine stuck#"), m);
        } finally {
            forever.send("go home");
        }
    }
}
