package dev.weft.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.context.Context;
import dev.weft.resilience.CircuitBreaker;
import dev.weft.resilience.Limit;
import dev.weft.resilience.OpenStateException;
import dev.weft.resilience.RateLimiter;
import dev.weft.time.Clock;
import dev.weft.time.Time;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rate limiter and the circuit breaker read Clock.current(), so they follow a bubble's time. */
@WeftTest
class ResilienceInBubbleTest {

    @Test
    void rateLimiterWaitsOnVirtualTime() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(Limit.every(Duration.ofSeconds(1)), 1);
        List<Duration> admitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            limiter.waitN(Context.background(), 1);
            admitted.add(Bubble.clock().elapsed());
        }
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3), Duration.ofSeconds(4)), admitted);
    }

    @Test
    void circuitBreakerOpensForItsTimeoutOfVirtualTime() throws InterruptedException {
        CircuitBreaker breaker = new CircuitBreaker(CircuitBreaker.Settings.builder()
                .timeout(Duration.ofMinutes(1))
                .readyToTrip(counts -> counts.consecutiveFailures() >= 1)
                .build());
        assertThrows(IOException.class, () -> breaker.execute(() -> {
            throw new IOException("down");
        }));
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        Time.sleep(Context.background(), Duration.ofSeconds(59));
        assertThrows(OpenStateException.class, () -> breaker.execute(() -> "rejected"));
        Time.sleep(Context.background(), Duration.ofSeconds(1));
        assertEquals(CircuitBreaker.State.OPEN, breaker.state()); // as gobreaker: open until after expiry
        Time.sleep(Context.background(), Duration.ofNanos(1));
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertEquals("ok", breaker.execute(() -> "ok"));
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertEquals(VirtualClock.EPOCH.plus(Duration.ofMinutes(1).plusNanos(1)), Clock.current().now());
    }
}
