package dev.weft.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.resilience.CircuitBreaker.Counts;
import dev.weft.resilience.CircuitBreaker.Permit;
import dev.weft.resilience.CircuitBreaker.Settings;
import dev.weft.resilience.CircuitBreaker.State;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rewrites of gobreaker's tests with exact counts. Where Go moves the breaker's expiry back
 * ("pseudoSleep"), these advance a manual clock; gobreaker's expiries are strict ("expiry
 * before now"), so reaching a period's end exactly changes nothing and one nanosecond more does.
 */
@Timeout(60)
class CircuitBreakerTest {
    private static final Duration NS = Duration.ofNanos(1);

    private final ManualClock clock = new ManualClock();
    private final List<String> transitions = Collections.synchronizedList(new ArrayList<>());

    private CircuitBreaker defaultBreaker() {
        return new CircuitBreaker(Settings.defaults(), clock);
    }

    /** gobreaker's customCB: 3 trial requests, 30 s interval, 90 s timeout, trips at >= 60% failures of >= 3. */
    private CircuitBreaker customBreaker() {
        return new CircuitBreaker(Settings.builder()
                .name("cb")
                .maxRequests(3)
                .interval(Duration.ofSeconds(30))
                .timeout(Duration.ofSeconds(90))
                .readyToTrip(c -> c.requests() >= 3 && (double) c.totalFailures() / c.requests() >= 0.6)
                .onStateChange((name, from, to) -> transitions.add(name + ": " + from + " -> " + to))
                .build(), clock);
    }

    private static Counts counts(long requests, long successes, long failures, long consSuccesses, long consFailures) {
        return new Counts(requests, successes, failures, consSuccesses, consFailures);
    }

    /** Go's succeed: null if the request ran, else the rejection. */
    private static BreakerRejectedException succeed(CircuitBreaker cb) {
        try {
            assertEquals("ok", cb.execute(() -> "ok"));
            return null;
        } catch (BreakerRejectedException e) {
            return e;
        }
    }

    /** Go's fail: null if the request ran (and failed), else the rejection. */
    private static BreakerRejectedException fail(CircuitBreaker cb) {
        IOException failure = new IOException("fail");
        try {
            cb.execute(() -> { throw failure; });
            throw new AssertionError("the failure was swallowed");
        } catch (IOException e) {
            assertSame(failure, e);
            return null;
        } catch (BreakerRejectedException e) {
            return e;
        }
    }

    @Test
    @DisplayName("gobreaker TestDefaultCircuitBreaker / D3: closed, open, half-open with exact counts")
    void defaultCircuitBreaker() {
        CircuitBreaker cb = defaultBreaker();
        assertEquals("", cb.name());
        for (int i = 0; i < 5; i++) {
            assertNull(fail(cb));
        }
        assertEquals(State.CLOSED, cb.state());
        assertEquals(counts(5, 0, 5, 0, 5), cb.counts());

        assertNull(succeed(cb));
        assertEquals(State.CLOSED, cb.state());
        assertEquals(counts(6, 1, 5, 1, 0), cb.counts());

        assertNull(fail(cb));
        assertEquals(State.CLOSED, cb.state());
        assertEquals(counts(7, 1, 6, 0, 1), cb.counts());

        // CLOSED -> OPEN: 6 consecutive failures
        for (int i = 0; i < 5; i++) {
            assertNull(fail(cb));
        }
        assertEquals(State.OPEN, cb.state());
        assertEquals(Counts.ZERO, cb.counts());
        assertTrue(cb.hasExpiry());

        assertTrue(succeed(cb) instanceof OpenStateException);
        assertTrue(fail(cb) instanceof OpenStateException);
        assertEquals(Counts.ZERO, cb.counts());

        clock.advance(Duration.ofSeconds(59));
        assertEquals(State.OPEN, cb.state());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(State.OPEN, cb.state(), "exactly at the timeout: still open");

        // OPEN -> HALF_OPEN
        clock.advance(NS);
        assertEquals(State.HALF_OPEN, cb.state());
        assertFalse(cb.hasExpiry());

        // HALF_OPEN -> OPEN
        assertNull(fail(cb));
        assertEquals(State.OPEN, cb.state());
        assertEquals(Counts.ZERO, cb.counts());
        assertTrue(cb.hasExpiry());

        // OPEN -> HALF_OPEN
        clock.advance(Duration.ofSeconds(60).plus(NS));
        assertEquals(State.HALF_OPEN, cb.state());
        assertFalse(cb.hasExpiry());

        // HALF_OPEN -> CLOSED
        assertNull(succeed(cb));
        assertEquals(State.CLOSED, cb.state());
        assertEquals(Counts.ZERO, cb.counts());
        assertFalse(cb.hasExpiry(), "interval 0: a closed breaker never clears by time");
    }

    @Test
    @DisplayName("gobreaker TestCustomCircuitBreaker / D3: interval, ratio trip, maxRequests, listener")
    void rule_D3_customCircuitBreaker() {
        CircuitBreaker cb = customBreaker();
        assertEquals("cb", cb.name());
        for (int i = 0; i < 5; i++) {
            assertNull(succeed(cb));
            assertNull(fail(cb));
        }
        assertEquals(State.CLOSED, cb.state());
        assertEquals(counts(10, 5, 5, 0, 1), cb.counts());

        clock.advance(Duration.ofSeconds(29));
        assertNull(succeed(cb));
        assertEquals(State.CLOSED, cb.state());
        assertEquals(counts(11, 6, 5, 1, 0), cb.counts());

        clock.advance(Duration.ofSeconds(1).plus(NS)); // past the interval: a new generation
        assertNull(fail(cb));
        assertEquals(State.CLOSED, cb.state());
        assertEquals(counts(1, 0, 1, 0, 1), cb.counts());

        // CLOSED -> OPEN
        assertNull(succeed(cb));
        assertNull(fail(cb)); // failure ratio 2/3 >= 0.6
        assertEquals(State.OPEN, cb.state());
        assertEquals(Counts.ZERO, cb.counts());
        assertTrue(cb.hasExpiry());
        assertEquals(List.of("cb: closed -> open"), transitions);

        // OPEN -> HALF_OPEN
        clock.advance(Duration.ofSeconds(90).plus(NS));
        assertEquals(State.HALF_OPEN, cb.state());
        assertFalse(cb.hasExpiry());
        assertEquals("cb: open -> half-open", transitions.get(1));

        assertNull(succeed(cb));
        assertNull(succeed(cb));
        assertEquals(State.HALF_OPEN, cb.state());
        assertEquals(counts(2, 2, 0, 2, 0), cb.counts());

        // HALF_OPEN -> CLOSED, with a third request in flight (Go's succeedLater)
        Permit inFlight = cb.allow();
        assertEquals(counts(3, 2, 0, 2, 0), cb.counts());
        assertTrue(succeed(cb) instanceof TooManyRequestsException);
        inFlight.done(true);
        assertEquals(State.CLOSED, cb.state());
        assertEquals(Counts.ZERO, cb.counts());
        assertTrue(cb.hasExpiry(), "closed with a 30 s interval");
        assertEquals(List.of("cb: closed -> open", "cb: open -> half-open", "cb: half-open -> closed"),
                transitions);
    }

    @Test
    @DisplayName("gobreaker TestPanicInRequest: an Error counts as a failure and is rethrown")
    void panicInRequest() {
        CircuitBreaker cb = defaultBreaker();
        AssertionError oops = new AssertionError("oops");
        assertSame(oops, assertThrows(AssertionError.class, () -> cb.execute(() -> { throw oops; })));
        assertEquals(counts(1, 0, 1, 0, 1), cb.counts());
    }

    @Test
    @DisplayName("gobreaker TestGeneration / D3: a request from an earlier generation leaves no trace")
    void rule_D3_generationsMakeStaleResultsHarmless() {
        CircuitBreaker cb = customBreaker();
        clock.advance(Duration.ofSeconds(29));
        assertNull(succeed(cb));
        Permit slow = cb.allow(); // Go's succeedLater
        assertEquals(counts(2, 1, 0, 1, 0), cb.counts());

        clock.advance(Duration.ofSeconds(1).plus(NS)); // past the interval
        assertEquals(State.CLOSED, cb.state());
        assertEquals(Counts.ZERO, cb.counts());

        slow.done(true);
        assertEquals(Counts.ZERO, cb.counts());

        // A stale failure cannot re-open a half-open breaker either.
        CircuitBreaker d = defaultBreaker();
        Permit old = d.allow();
        for (int i = 0; i < 6; i++) {
            assertNull(fail(d));
        }
        clock.advance(Duration.ofSeconds(60).plus(NS));
        assertEquals(State.HALF_OPEN, d.state());
        old.done(false);
        assertEquals(State.HALF_OPEN, d.state());
        assertEquals(Counts.ZERO, d.counts());
        assertThrows(IllegalStateException.class, () -> old.done(false), "a permit is done once");
    }

    @Test
    @DisplayName("gobreaker TestTwoStepCircuitBreaker: the two-step form follows the same rules")
    void twoStepCircuitBreaker() {
        CircuitBreaker cb = defaultBreaker();
        for (int i = 0; i < 5; i++) {
            cb.allow().done(false);
        }
        assertEquals(counts(5, 0, 5, 0, 5), cb.counts());
        cb.allow().done(true);
        assertEquals(counts(6, 1, 5, 1, 0), cb.counts());
        for (int i = 0; i < 6; i++) {
            cb.allow().done(false);
        }
        assertEquals(State.OPEN, cb.state());
        OpenStateException e = assertThrows(OpenStateException.class, cb::allow);
        assertEquals("circuit breaker is open", e.getMessage());
        clock.advance(Duration.ofSeconds(60).plus(NS));
        Permit trial = cb.allow();
        TooManyRequestsException tm = assertThrows(TooManyRequestsException.class, cb::allow);
        assertEquals("too many requests", tm.getMessage());
        trial.done(true);
        assertEquals(State.CLOSED, cb.state());
    }

    @Test
    @DisplayName("gobreaker TestCustomIsSuccessful / D3: the trip predicate sees only what isSuccessful calls failures")
    void rule_D3_isSuccessfulAndTripPredicate() throws Exception {
        AtomicReference<Counts> seen = new AtomicReference<>();
        CircuitBreaker cb = new CircuitBreaker(Settings.builder()
                .isSuccessful(e -> e instanceof FileNotFoundException)
                .readyToTrip(c -> {
                    seen.set(c);
                    return c.totalFailures() >= 2;
                })
                .build(), clock);
        for (int i = 0; i < 5; i++) {
            assertThrows(FileNotFoundException.class,
                    () -> cb.execute(() -> { throw new FileNotFoundException("missing"); }));
        }
        assertEquals(counts(5, 5, 0, 5, 0), cb.counts(), "counted as successes, still rethrown");
        assertNull(seen.get(), "readyToTrip is asked only after failures");
        assertNull(fail(cb));
        assertEquals(counts(6, 5, 1, 0, 1), seen.get());
        assertEquals(State.CLOSED, cb.state());
        assertNull(fail(cb));
        assertEquals(State.OPEN, cb.state());
    }

    @Test
    @DisplayName("D3: open rejects until the timeout; half-open admits at most maxRequests; a failure re-opens")
    void rule_D3_openAndHalfOpenAdmission() {
        CircuitBreaker cb = new CircuitBreaker(Settings.builder()
                .maxRequests(2)
                .timeout(Duration.ofSeconds(5))
                .readyToTrip(c -> c.consecutiveFailures() >= 1)
                .onStateChange((n, from, to) -> transitions.add(from + " -> " + to))
                .build(), clock);
        assertNull(fail(cb));
        for (int i = 0; i < 10; i++) {
            assertTrue(succeed(cb) instanceof OpenStateException);
            clock.advance(Duration.ofMillis(500));
        }
        clock.advance(NS);
        Permit a = cb.allow();
        Permit b = cb.allow();
        assertThrows(TooManyRequestsException.class, cb::allow);
        a.done(true);
        assertEquals(State.HALF_OPEN, cb.state());
        assertThrows(TooManyRequestsException.class, cb::allow, "admitted requests count, not finished ones");
        b.done(false);
        assertEquals(State.OPEN, cb.state());
        assertEquals(List.of("closed -> open", "open -> half-open", "half-open -> open"), transitions);
    }

    @Test
    @DisplayName("gobreaker TestCircuitBreakerInParallel: concurrent requests are all counted")
    void inParallel() throws Exception {
        CircuitBreaker cb = customBreaker();
        final int threads = 8;
        final int perThread = 2_000;
        List<Thread> all = new ArrayList<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            all.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    BreakerRejectedException e = succeed(cb);
                    if (e != null) {
                        error.set(e);
                    }
                }
            }));
        }
        for (Thread t : all) {
            assertTrue(t.join(Duration.ofSeconds(30)));
        }
        assertNull(error.get());
        long total = (long) threads * perThread;
        assertEquals(counts(total, total, 0, total, 0), cb.counts());
    }

    @Test
    @DisplayName("Bad settings and null arguments are rejected with clear errors")
    void badInput() {
        assertEquals("maxRequests must be at least 1: 0", assertThrows(IllegalArgumentException.class,
                () -> Settings.builder().maxRequests(0).build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Settings.builder().interval(Duration.ofSeconds(-1)).build());
        assertThrows(IllegalArgumentException.class, () -> Settings.builder().timeout(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> Settings.builder().timeout(Duration.ofSeconds(-1)).build());
        assertThrows(NullPointerException.class, () -> Settings.builder().name(null).build());
        assertThrows(NullPointerException.class, () -> Settings.builder().readyToTrip(null).build());
        assertThrows(NullPointerException.class, () -> Settings.builder().isSuccessful(null).build());
        assertThrows(NullPointerException.class, () -> Settings.builder().onStateChange(null).build());
        assertThrows(NullPointerException.class, () -> new CircuitBreaker(null, clock));
        assertThrows(NullPointerException.class, () -> new CircuitBreaker(Settings.defaults(), null));
        CircuitBreaker cb = defaultBreaker();
        assertThrows(NullPointerException.class, () -> cb.execute(null));
        assertEquals("CircuitBreaker[, closed, Counts[requests=0, totalSuccesses=0, totalFailures=0, "
                + "consecutiveSuccesses=0, consecutiveFailures=0]]", cb.toString());
        Settings huge = Settings.builder().interval(Duration.ofDays(365L * 1_000_000)).build();
        assertEquals(State.CLOSED, new CircuitBreaker(huge, clock).state(), "a huge interval is fine");
    }
}
