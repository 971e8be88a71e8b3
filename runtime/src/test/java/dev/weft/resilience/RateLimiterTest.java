package dev.weft.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import dev.weft.context.ContextCanceledException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rewrites of x/time/rate's rate_test.go with explicit times: {@code t(k)} is k steps of
 * {@code d} = 100 ms after the limiter was made, on a manual clock. Nothing sleeps.
 */
@Timeout(60)
class RateLimiterTest {
    private static final long D = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ManualClock clock = new ManualClock();

    private static long t(int k) {
        return k * D;
    }

    private RateLimiter limiter(double perSecond, int burst) {
        return new RateLimiter(Limit.of(perSecond), burst, clock);
    }

    private record Allow(long t, int n, boolean ok) { }

    private static Allow allow(int k, int n, boolean ok) {
        return new Allow(t(k), n, ok);
    }

    private static void run(RateLimiter lim, Allow... allows) {
        for (int i = 0; i < allows.length; i++) {
            Allow a = allows[i];
            assertEquals(a.ok, lim.allowN(a.t, a.n),
                    "step " + i + ": allowN(t" + a.t / D + ", " + a.n + ")");
        }
    }

    /** Go's runReserveMax: checks ok and, when ok, the time to act (to within 1 ms). */
    private static Reservation reserve(RateLimiter lim, int k, int n, int actK, boolean ok, long maxWait) {
        Reservation r = lim.reserveN(t(k), n, maxWait);
        assertEquals(ok, r.ok(), "reserveN(t" + k + ", " + n + ").ok");
        if (ok) {
            assertTrue(Math.abs(r.timeToAct - t(actK)) < MS,
                    "reserveN(t" + k + ", " + n + ") acts at " + r.timeToAct + ", want t" + actK);
        }
        return r;
    }

    private static Reservation reserve(RateLimiter lim, int k, int n, int actK, boolean ok) {
        return reserve(lim, k, n, actK, ok, RateLimiter.INF_NANOS);
    }

    /** Runs waitN(ctx, n) on a virtual thread; keeps what it threw. */
    private static final class Waiter {
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final Thread thread;

        Waiter(RateLimiter lim, Context ctx, int n) {
            thread = Thread.ofVirtual().start(() -> {
                try {
                    lim.waitN(ctx, n);
                } catch (Throwable e) {
                    error.set(e);
                }
            });
        }

        Throwable join() throws InterruptedException {
            if (!thread.join(Duration.ofSeconds(20))) {
                fail("waitN did not return");
            }
            return error.get();
        }
    }

    private static void awaitBlocker(Thread t, Object blocker) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (LockSupport.getBlocker(t) != blocker) {
            assertTrue(System.nanoTime() - deadline < 0, t + " never parked on " + blocker);
            LockSupport.parkNanos(MS);
        }
    }

    // ---- Limit ----

    @Test
    @DisplayName("Go TestLimit / TestEvery")
    void limitEvery() {
        assertFalse(Limit.of(10).isInfinite());
        assertTrue(Limit.INF.isInfinite());
        assertSame(Limit.INF, Limit.every(Duration.ZERO));
        assertSame(Limit.INF, Limit.every(Duration.ofNanos(-1)));
        double[][] cases = {
            {1, 1e9}, {1_000, 1e6}, {1_000_000, 1e3}, {10_000_000, 100}, {100_000_000, 10},
            {1e9, 1}, {2e9, 0.5}, {2.5e9, 0.4}, {4e9, 0.25}, {10e9, 0.1},
            {Long.MAX_VALUE, 1e9 / Long.MAX_VALUE},
        };
        for (double[] c : cases) {
            double got = Limit.every(Duration.ofNanos((long) c[0])).perSecond();
            assertTrue(Math.abs(got / c[1] - 1) < 1e-9, "every(" + (long) c[0] + "ns) = " + got);
        }
        assertThrows(IllegalArgumentException.class, () -> Limit.of(-1));
        assertThrows(IllegalArgumentException.class, () -> Limit.of(Double.NaN));
        assertThrows(NullPointerException.class, () -> Limit.every(null));
    }

    // ---- allow ----

    @Test
    @DisplayName("Go TestLimiterBurst1")
    void limiterBurst1() {
        run(limiter(10, 1),
                allow(0, 1, true), allow(0, 1, false), allow(0, 1, false),
                allow(1, 1, true), allow(1, 1, false), allow(1, 1, false),
                allow(2, 2, false), // burst is 1, so n = 2 never fits
                allow(2, 1, true), allow(2, 1, false));
    }

    @Test
    @DisplayName("Go TestLimiterBurst3")
    void limiterBurst3() {
        run(limiter(10, 3),
                allow(0, 2, true), allow(0, 2, false), allow(0, 1, true), allow(0, 1, false),
                allow(1, 4, false),
                allow(2, 1, true), allow(3, 1, true), allow(4, 1, true), allow(4, 1, true),
                allow(4, 1, false), allow(4, 1, false),
                allow(9, 3, true), allow(9, 0, true));
    }

    @Test
    @DisplayName("Go TestLimiterJumpBackwards: time running backwards adds no tokens")
    void limiterJumpBackwards() {
        run(limiter(10, 3),
                allow(1, 1, true), // start at t1
                allow(0, 1, true), // jump back to t0: two tokens remain
                allow(0, 1, true), allow(0, 1, false), allow(0, 1, false),
                allow(1, 1, true), // one token accrued from t0 to t1
                allow(1, 1, false), allow(1, 1, false),
                allow(2, 1, true), allow(2, 1, false), allow(2, 1, false));
    }

    @Test
    @DisplayName("Go TestLimiter_noTruncationErrors")
    void noTruncationErrors() {
        assertTrue(new RateLimiter(Limit.of(0.7692307692307693), 1, clock).allow());
    }

    @Test
    @DisplayName("Go TestSimultaneousRequests: 15 concurrent allow() on burst 5 with no time passing: exactly 5")
    void simultaneousRequests() throws Exception {
        RateLimiter lim = limiter(1, 5);
        AtomicInteger numOk = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                if (lim.allow()) {
                    numOk.incrementAndGet();
                }
            }));
        }
        go.countDown();
        for (Thread th : threads) {
            assertTrue(th.join(Duration.ofSeconds(20)));
        }
        assertEquals(5, numOk.get());
    }

    @Test
    @DisplayName("Go TestZeroLimit: a zero rate allows the initial burst, then nothing")
    void zeroLimit() {
        RateLimiter lim = new RateLimiter(Limit.ZERO, 1, clock);
        assertTrue(lim.allow());
        assertFalse(lim.allow());
        clock.advance(Duration.ofDays(1000));
        assertFalse(lim.allow());
        assertFalse(lim.reserve().ok(), "a reservation that could never act is not ok");
        lim.setLimit(Limit.of(10)); // raising the rate later works
        clock.advance(Duration.ofNanos(D));
        assertTrue(lim.allow());
    }

    // ---- reserve ----

    @Test
    @DisplayName("Go TestSimpleReserve")
    void simpleReserve() {
        RateLimiter lim = limiter(10, 2);
        reserve(lim, 0, 2, 0, true);
        reserve(lim, 0, 2, 2, true);
        reserve(lim, 3, 2, 4, true);
    }

    @Test
    @DisplayName("Go TestZeroBurst: with burst 0 no reservation is ok")
    void zeroBurst() {
        RateLimiter lim = limiter(10, 0);
        reserve(lim, 0, 2, 0, false);
        reserve(lim, 0, 2, 0, false);
        reserve(lim, 3, 2, 0, false);
        assertTrue(lim.allowN(t(3), 0), "zero tokens always fit");
    }

    @Test
    @DisplayName("Go TestMix: reservations and allow share one bucket")
    void mix() {
        RateLimiter lim = limiter(10, 2);
        reserve(lim, 0, 3, 1, false); // n > burst
        reserve(lim, 0, 2, 0, true);
        run(lim, allow(1, 2, false)); // not enough tokens
        reserve(lim, 1, 2, 2, true);
        run(lim, allow(1, 1, false)); // negative tokens
        run(lim, allow(3, 1, true));
    }

    @Test
    @DisplayName("Go TestCancelInvalid: cancelling a reservation that is not ok gives nothing back")
    void cancelInvalid() {
        RateLimiter lim = limiter(10, 2);
        reserve(lim, 0, 2, 0, true);
        Reservation r = reserve(lim, 0, 3, 3, false);
        r.cancelAt(t(0));
        reserve(lim, 0, 2, 2, true); // no extra tokens
    }

    @Test
    @DisplayName("Go TestCancelLast / D2: cancelling the last reservation returns its tokens")
    void rule_D2_cancelLast() {
        RateLimiter lim = limiter(10, 2);
        reserve(lim, 0, 2, 0, true);
        Reservation r = reserve(lim, 0, 2, 2, true);
        r.cancelAt(t(1)); // two tokens back
        reserve(lim, 1, 2, 2, true);
    }

    @Test
    @DisplayName("Go TestCancelTooLate: cancelling after the time to act has no effect")
    void cancelTooLate() {
        RateLimiter lim = limiter(10, 2);
        reserve(lim, 0, 2, 0, true);
        Reservation r = reserve(lim, 0, 2, 2, true);
        r.cancelAt(t(3));
        reserve(lim, 3, 2, 4, true);
    }

    @Test
    @DisplayName("Go TestCancel0Tokens: tokens a later reservation counted on are not returned")
    void cancel0Tokens() {
        RateLimiter lim = limiter(10, 2);
        reserve(lim, 0, 2, 0, true);
        Reservation r = reserve(lim, 0, 1, 1, true);
        reserve(lim, 0, 1, 2, true);
        r.cancelAt(t(0)); // 0 tokens back
        reserve(lim, 0, 1, 3, true);
    }

    @Test
    @DisplayName("Go TestCancel1Token")
    void cancel1Token() {
        RateLimiter lim = limiter(10, 2);
        reserve(lim, 0, 2, 0, true);
        Reservation r = reserve(lim, 0, 2, 2, true);
        reserve(lim, 0, 1, 3, true);
        r.cancelAt(t(2)); // 1 token back
        reserve(lim, 2, 2, 4, true);
    }

    @Test
    @DisplayName("Go TestCancelMulti")
    void cancelMulti() {
        RateLimiter lim = limiter(10, 4);
        reserve(lim, 0, 4, 0, true);
        Reservation rA = reserve(lim, 0, 3, 3, true);
        reserve(lim, 0, 1, 4, true);
        Reservation rC = reserve(lim, 0, 1, 5, true);
        rC.cancelAt(t(1)); // 1 token back
        rA.cancelAt(t(1)); // 2 tokens back, as if C had never been reserved
        reserve(lim, 1, 3, 5, true);
    }

    @Test
    @DisplayName("Cancelling twice returns the tokens once")
    void cancelTwiceIsOnce() {
        RateLimiter lim = limiter(10, 2);
        reserve(lim, 0, 2, 0, true);
        Reservation r = reserve(lim, 0, 2, 2, true);
        r.cancelAt(t(0));
        r.cancelAt(t(0));
        assertEquals(0, lim.tokensAt(t(0)), 1e-9);
    }

    @Test
    @DisplayName("Go TestReserveJumpBack / TestReserveJumpBackCancel")
    void reserveJumpBack() {
        RateLimiter lim = limiter(10, 2);
        reserve(lim, 1, 2, 1, true); // start at t1
        reserve(lim, 0, 1, 1, true); // should violate limit and burst
        reserve(lim, 2, 2, 3, true);

        RateLimiter lim2 = limiter(10, 2);
        reserve(lim2, 1, 2, 1, true);
        Reservation r = reserve(lim2, 1, 2, 3, true);
        reserve(lim2, 1, 1, 4, true);
        r.cancelAt(t(0)); // one token back
        reserve(lim2, 1, 2, 4, true);
    }

    @Test
    @DisplayName("Go TestReserveSetLimit / TestReserveSetBurst / TestReserveSetLimitCancel")
    void reserveSetLimitAndBurst() {
        RateLimiter lim = limiter(5, 2);
        reserve(lim, 0, 2, 0, true);
        reserve(lim, 0, 2, 4, true);
        lim.setLimitAt(t(2), Limit.of(10));
        reserve(lim, 2, 1, 4, true); // violates limit and burst
        assertEquals(Limit.of(10), lim.limit());

        RateLimiter lim2 = limiter(5, 2);
        reserve(lim2, 0, 2, 0, true);
        reserve(lim2, 0, 2, 4, true);
        lim2.setBurstAt(t(3), 4);
        reserve(lim2, 0, 4, 9, true); // violates limit and burst
        assertEquals(4, lim2.burst());

        RateLimiter lim3 = limiter(5, 2);
        reserve(lim3, 0, 2, 0, true);
        Reservation r = reserve(lim3, 0, 2, 4, true);
        lim3.setLimitAt(t(2), Limit.of(10));
        r.cancelAt(t(2)); // 2 tokens back
        reserve(lim3, 2, 2, 3, true);
    }

    @Test
    @DisplayName("Go TestReserveMax: a reservation further off than the limit of the wait is not ok")
    void reserveMax() {
        RateLimiter lim = limiter(10, 2);
        reserve(lim, 0, 2, 0, true, D);
        reserve(lim, 0, 1, 1, true, D);  // within the limit
        reserve(lim, 0, 1, 2, false, D); // too far
    }

    @Test
    @DisplayName("Reservation delays: zero when due, INF_DURATION when not ok")
    void reservationDelays() {
        RateLimiter lim = limiter(10, 2);
        assertEquals(Duration.ZERO, lim.reserveN(t(0), 2).delayFrom(t(0)));
        Reservation r = lim.reserveN(t(0), 1);
        assertEquals(Duration.ofMillis(100), r.delayFrom(t(0)));
        assertEquals(Duration.ofMillis(100), r.delay());
        assertEquals(Duration.ZERO, r.delayFrom(t(5)));
        assertEquals(RateLimiter.INF_DURATION, lim.reserveN(t(0), 3).delay());
        assertFalse(lim.reserveN(t(0), 3).ok());
    }

    // ---- wait ----

    @Test
    @DisplayName("Go TestWaitSimple")
    void waitSimple() throws Exception {
        RateLimiter lim = limiter(10, 3);
        CancelContext cancelled = Context.background().withCancel();
        cancelled.cancel();
        assertThrows(ContextCanceledException.class, () -> lim.waitN(cancelled, 1));
        RateLimitException e = assertThrows(RateLimitException.class,
                () -> lim.waitN(Context.background(), 4));
        assertEquals("rate: Wait(n=4) exceeds limiter's burst 3", e.getMessage());
        lim.waitN(Context.background(), 2); // act now
        assertEquals(0, clock.pendingTimers());
        Waiter later = new Waiter(lim, Context.background(), 3); // act after 2 steps
        clock.awaitTimers(1);
        clock.advance(Duration.ofMillis(199));
        assertTrue(later.thread.isAlive());
        clock.advance(Duration.ofMillis(1));
        assertNull(later.join());
    }

    @Test
    @DisplayName("Go TestWaitCancel / D2: a cancelled wait fails and hands its tokens back")
    void rule_D2_waitHonoursCancellation() throws Exception {
        RateLimiter lim = limiter(10, 3);
        CancelContext ctx = Context.background().withCancel();
        lim.waitN(ctx, 2); // one token left
        Waiter w = new Waiter(lim, ctx, 3);
        clock.awaitTimers(1);
        awaitBlocker(w.thread, lim);
        clock.advance(Duration.ofNanos(D));
        ctx.cancel();
        assertInstanceOf(ContextCanceledException.class, w.join());
        // 3 tokens came back: 1 - 3 + 1 (accrued) + 3 = 2
        assertEquals(2, lim.tokensAt(t(1)), 1e-6);
        lim.waitN(Context.background(), 2); // act now
        assertEquals(0, clock.pendingTimers());
    }

    @Test
    @DisplayName("Go TestWaitTimeout / D2: a wait that would pass the deadline fails at once, taking nothing")
    void rule_D2_waitFailsAtOnceWhenItWouldPassTheDeadline() throws Exception {
        RateLimiter lim = limiter(10, 3);
        try (CancelContext ctx = Context.background().withDeadline(clock.now().plusNanos(D))) {
            lim.waitN(ctx, 2); // act now
            RateLimitException e = assertThrows(RateLimitException.class, () -> lim.waitN(ctx, 3));
            assertEquals("rate: Wait(n=3) would exceed context deadline", e.getMessage());
            assertEquals(1, lim.tokensAt(t(0)), 1e-9);
            assertEquals(0, clock.pendingTimers());
        }
        try (CancelContext ctx = Context.background().withDeadline(clock.now().plusNanos(3 * D))) {
            Waiter w = new Waiter(lim, ctx, 3); // needs 2 steps, has 3
            clock.awaitTimers(1);
            clock.advance(Duration.ofNanos(2 * D));
            assertNull(w.join());
        }
    }

    @Test
    @DisplayName("Go TestWaitInf / D2: the infinite rate allows everything, whatever the burst")
    void rule_D2_infiniteRateAllowsEverything() throws Exception {
        RateLimiter lim = new RateLimiter(Limit.INF, 0, clock);
        lim.waitN(Context.background(), 3);
        assertTrue(lim.allowN(t(0), 1_000_000));
        assertTrue(lim.allow());
        Reservation r = lim.reserveN(t(0), 50);
        assertTrue(r.ok());
        assertEquals(Duration.ZERO, r.delay());
        r.cancel();
        assertTrue(lim.allow());
    }

    @Test
    @DisplayName("D2: the bucket starts full at burst and refills at the rate, never above burst")
    void rule_D2_startsFullAndRefills() {
        RateLimiter lim = limiter(10, 5);
        assertEquals(5, lim.tokensAt(t(0)), 1e-9);
        assertTrue(lim.allowN(t(0), 5));
        assertFalse(lim.allowN(t(0), 1));
        assertEquals(3, lim.tokensAt(t(3)), 1e-9);
        assertEquals(5, lim.tokensAt(t(100)), 1e-9);
        clock.advance(Duration.ofNanos(t(1)));
        assertTrue(lim.allow());
        assertFalse(lim.allow());
    }

    @Test
    @DisplayName("D2: waitN fails at once when n exceeds the burst, taking nothing")
    void rule_D2_waitFailsAtOnceWhenNExceedsBurst() {
        RateLimiter lim = limiter(10, 3);
        assertThrows(RateLimitException.class, () -> lim.waitN(Context.background(), 4));
        assertEquals(3, lim.tokensAt(t(0)), 1e-9);
        assertEquals(0, clock.pendingTimers());
    }

    @Test
    @DisplayName("An interrupted wait throws InterruptedException, hands its tokens back, and parks on the limiter")
    void interruptedWait() throws Exception {
        RateLimiter lim = limiter(10, 3);
        assertTrue(lim.allowN(t(0), 3));
        Waiter w = new Waiter(lim, Context.background(), 2);
        clock.awaitTimers(1);
        awaitBlocker(w.thread, lim);
        w.thread.interrupt();
        assertInstanceOf(InterruptedException.class, w.join());
        assertEquals(0, lim.tokensAt(t(0)), 1e-9);
    }

    @Test
    @DisplayName("Bad input: negative burst or n, null limit, clock, context")
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> limiter(10, -1));
        assertThrows(NullPointerException.class, () -> new RateLimiter(null, 1, clock));
        assertThrows(NullPointerException.class, () -> new RateLimiter(Limit.of(1), 1, null));
        RateLimiter lim = limiter(10, 3);
        assertThrows(IllegalArgumentException.class, () -> lim.allowN(t(0), -1));
        assertThrows(IllegalArgumentException.class, () -> lim.reserveN(t(0), -1));
        assertThrows(IllegalArgumentException.class, () -> lim.waitN(Context.background(), -1));
        assertThrows(IllegalArgumentException.class, () -> lim.setBurst(-2));
        assertThrows(NullPointerException.class, () -> lim.setLimit(null));
        assertThrows(NullPointerException.class, () -> lim.waitN(null, 1));
        assertEquals("RateLimiter[limit=10.0/s, burst=3]", lim.toString());
    }
}
