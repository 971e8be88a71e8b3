package dev.weft.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.chan.Received;
import dev.weft.chan.RecvChan;
import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import dev.weft.context.ContextCanceledException;
import dev.weft.context.DeadlineExceededException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Rule D1 on a manual clock, Time's helpers, and the clock scope. */
class TimerTest {
    static final Duration SEC = Duration.ofSeconds(1);
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ManualClock clock = new ManualClock();

    interface Body {
        void run() throws Exception;
    }

    private void onClock(Body body) throws Exception {
        Clock.withClock(clock, () -> {
            body.run();
            return null;
        });
    }

    private static Instant taken(RecvChan<Instant> c) {
        Received<Instant> r = c.tryRecv();
        return r == null ? null : r.value();
    }

    @Test
    void rule_D1_timerDeliversOnceAtItsTime() throws Exception {
        onClock(() -> {
            Timer t = Timer.start(SEC);
            Instant start = clock.now();
            clock.advance(Duration.ofMillis(999));
            assertNull(taken(t.c()));
            clock.advance(Duration.ofMillis(1));
            assertEquals(start.plus(SEC), taken(t.c()));
            clock.advance(SEC.multipliedBy(10));
            assertNull(taken(t.c()), "a timer fires once");
            assertFalse(t.stop(), "fired and delivered");
        });
    }

    @Test
    void rule_D1_stopBeforeFiringPreventsTheValue() throws Exception {
        onClock(() -> {
            Timer t = Timer.start(SEC);
            assertTrue(t.stop());
            assertFalse(t.stop(), "second stop");
            clock.advance(SEC.multipliedBy(2));
            assertNull(taken(t.c()));
            assertEquals(0, clock.pending());
        });
    }

    @Test
    void rule_D1_stopTakesBackAnUndeliveredValue() throws Exception {
        onClock(() -> {
            Timer t = Timer.start(SEC);
            clock.advance(SEC); // fired; nobody received yet
            assertEquals(1, t.c().len());
            assertTrue(t.stop(), "Go 1.23: the value was not delivered, so stop stopped it");
            assertNull(taken(t.c()), "no stale value after stop");
        });
    }

    @Test
    void rule_D1_resetDiscardsTheStaleValue() throws Exception {
        onClock(() -> {
            Timer t = Timer.start(SEC);
            clock.advance(SEC); // fired, value waiting
            assertTrue(t.reset(SEC.multipliedBy(3)));
            assertNull(taken(t.c()), "no stale value after reset");
            Instant resetAt = clock.now();
            clock.advance(SEC.multipliedBy(2));
            assertNull(taken(t.c()));
            clock.advance(SEC);
            assertEquals(resetAt.plus(SEC.multipliedBy(3)), taken(t.c()));
            assertFalse(t.reset(SEC), "was fired and delivered");
            assertTrue(t.reset(SEC), "was armed");
            assertEquals(1, clock.pending(), "reset replaces the old firing");
        });
    }

    @Test
    void rule_D1_stopRacingAFiringNeverLeavesAValue() throws Exception {
        // Real clock: the firing runs on the timer thread while we stop.
        for (int i = 0; i < 500; i++) {
            Timer t = Timer.start(Duration.ofNanos(i % 50 * 1000));
            if (i % 2 == 0) {
                Thread.onSpinWait();
            }
            t.stop();
            assertNull(taken(t.c()), "stale value after stop, iteration " + i);
        }
    }

    @Test
    void rule_D1_timerWithNonPositiveDurationFiresAtOnce() throws Exception {
        onClock(() -> {
            Timer t = Timer.start(Duration.ZERO);
            Timer u = Timer.start(Duration.ofSeconds(-5));
            clock.advance(Duration.ZERO);
            assertEquals(clock.now(), taken(t.c()));
            assertEquals(clock.now(), taken(u.c()));
        });
    }

    @Test
    void rule_D1_tickerDropsTicksForASlowReceiver() throws Exception {
        onClock(() -> {
            Ticker t = Ticker.start(SEC);
            Instant start = clock.now();
            clock.advance(SEC.multipliedBy(5)); // five ticks, nobody receiving
            assertEquals(1, t.c().len(), "capacity one: the other ticks were dropped");
            assertEquals(start.plus(SEC), taken(t.c()));
            assertNull(taken(t.c()));
            clock.advance(SEC);
            assertEquals(start.plus(SEC.multipliedBy(6)), taken(t.c()), "keeps its phase");
            assertEquals(1, clock.pending(), "one firing queued at a time");
            t.stop();
        });
    }

    @Test
    void rule_D1_tickerStopAndResetLeaveNoStaleTick() throws Exception {
        onClock(() -> {
            Ticker t = Ticker.start(SEC);
            clock.advance(SEC);
            t.stop();
            assertNull(taken(t.c()), "no stale tick after stop");
            clock.advance(SEC.multipliedBy(5));
            assertNull(taken(t.c()), "no tick after stop");
            assertEquals(0, clock.pending());
            t.reset(Duration.ofMillis(500));
            Instant resetAt = clock.now();
            clock.advance(Duration.ofMillis(500));
            clock.advance(Duration.ofMillis(10)); // tick waiting
            t.reset(SEC);
            assertNull(taken(t.c()), "no stale tick after reset");
            clock.advance(SEC);
            assertEquals(resetAt.plus(Duration.ofMillis(1510)), taken(t.c()));
            t.stop();
        });
    }

    @Test
    void rule_D1_nonPositiveTickerPeriodsAreRejected() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> Ticker.start(Duration.ZERO));
        assertTrue(zero.getMessage().startsWith("non-positive interval for NewTicker"));
        assertThrows(IllegalArgumentException.class, () -> Ticker.start(Duration.ofMillis(-1)));
        Ticker t = Ticker.start(Duration.ofHours(1));
        IllegalArgumentException reset = assertThrows(IllegalArgumentException.class,
                () -> t.reset(Duration.ofSeconds(-1)));
        assertTrue(reset.getMessage().startsWith("non-positive interval for Ticker.Reset"));
        t.stop();
        assertThrows(NullPointerException.class, () -> Ticker.start(null));
        assertThrows(NullPointerException.class, () -> Timer.start(null));
        assertThrows(NullPointerException.class, () -> Time.after(null));
        assertThrows(NullPointerException.class, () -> Time.afterFunc(SEC, null));
        assertThrows(NullPointerException.class, () -> Time.sleep(null, SEC));
        assertThrows(NullPointerException.class, () -> Time.sleep(Context.background(), null));
        assertThrows(NullPointerException.class, () -> Clock.withClock(null, () -> 1));
    }

    @Test
    void afterDeliversOnce() throws Exception {
        onClock(() -> {
            RecvChan<Instant> c = Time.after(SEC);
            clock.advance(SEC);
            assertEquals(clock.now(), taken(c));
        });
    }

    @Test
    void afterFuncRunsInANewThreadUnlessStopped() throws Exception {
        onClock(() -> {
            CountDownLatch ran = new CountDownLatch(1);
            AtomicReference<Thread> on = new AtomicReference<>();
            Timer t = Time.afterFunc(SEC, () -> {
                on.set(Thread.currentThread());
                ran.countDown();
            });
            assertNull(t.c());
            Timer stopped = Time.afterFunc(SEC, () -> { throw new AssertionError("stopped"); });
            assertTrue(stopped.stop());
            clock.advance(SEC);
            assertTrue(ran.await(20, TimeUnit.SECONDS));
            assertTrue(on.get().isVirtual());
            assertFalse(t.stop());
            assertFalse(stopped.stop());
        });
    }

    @Test
    void sleepWaitsOnTheClock() throws Exception {
        onClock(() -> {
            Thread sleeper = Thread.ofVirtual().start(() -> {
                try {
                    Time.sleep(Context.background(), SEC);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            clock.awaitPending(1, PATIENCE); // the sleeper's wake-up is queued
            assertTrue(sleeper.isAlive());
            clock.advance(SEC);
            assertTrue(sleeper.join(PATIENCE));
        });
    }

    @Test
    void sleepThrowsTheContextsExceptionWhenItEndsFirst() throws Exception {
        onClock(() -> {
            CancelContext ctx = Context.background().withCancel();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread sleeper = Thread.ofVirtual().start(() -> {
                try {
                    Time.sleep(ctx, Duration.ofHours(1));
                } catch (Throwable e) {
                    thrown.set(e);
                }
            });
            clock.awaitPending(1, PATIENCE);
            ctx.cancel();
            assertTrue(sleeper.join(PATIENCE));
            assertTrue(thrown.get() instanceof ContextCanceledException, String.valueOf(thrown.get()));

            CancelContext expired = Context.background().withTimeout(Duration.ZERO);
            assertThrows(DeadlineExceededException.class, () -> Time.sleep(expired, SEC));
            Time.sleep(Context.background(), Duration.ZERO);
            Time.sleep(Context.background(), Duration.ofSeconds(-1));
        });
    }

    @Test
    void withClockIsInheritedByThreadsStartedInsideAndRestored() throws Exception {
        assertEquals(Clock.system(), Clock.current());
        AtomicReference<Clock> inChild = new AtomicReference<>();
        Clock.withClock(clock, () -> {
            assertEquals(clock, Clock.current());
            Thread t = Thread.ofVirtual().start(() -> inChild.set(Clock.current()));
            t.join();
            ManualClock inner = new ManualClock();
            assertEquals(inner, Clock.withClock(inner, Clock::current));
            assertEquals(clock, Clock.current(), "restored after a nested scope");
            return null;
        });
        assertEquals(clock, inChild.get());
        assertEquals(Clock.system(), Clock.current());
        assertThrows(IllegalStateException.class, () -> Clock.withClock(clock, () -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals(Clock.system(), Clock.current(), "restored after a failure");
    }

    @Test
    void realClockSmokeTest() throws Exception {
        long start = System.nanoTime();
        Timer t = Timer.start(Duration.ofMillis(20));
        assertTrue(t.c().recv().isAfter(Instant.now().minusSeconds(60)));
        Ticker ticker = Ticker.start(Duration.ofMillis(5));
        for (int i = 0; i < 3; i++) {
            ticker.c().recv();
        }
        ticker.stop();
        Time.sleep(Context.background(), Duration.ofMillis(20));
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed >= Duration.ofMillis(55).toNanos(), "waited at least the time asked");
        assertTrue(elapsed < PATIENCE.toNanos(), "took " + Duration.ofNanos(elapsed));
    }
}
