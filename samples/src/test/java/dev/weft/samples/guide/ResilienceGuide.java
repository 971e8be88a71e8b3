package dev.weft.samples.guide;

import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import dev.weft.resilience.BreakerRejectedException;
import dev.weft.resilience.CircuitBreaker;
import dev.weft.resilience.Limit;
import dev.weft.resilience.OpenStateException;
import dev.weft.resilience.RateLimiter;
import dev.weft.resilience.Reservation;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Snippets of docs/guide.md, "Rate limiting" and "Circuit breakers". */
final class ResilienceGuide {
    private ResilienceGuide() {}

    static String allow() {
        StringBuilder sb = new StringBuilder();
        // [guide:allow]
        RateLimiter lim = new RateLimiter(Limit.of(10), 3);     // rate.NewLimiter(10, 3): 10/s, bursts of 3
        long t0 = lim.clock().nanoTime();
        for (int i = 0; i < 5; i++) {
            sb.append(lim.allowN(t0, 1) ? 'Y' : 'n');            // lim.AllowN(t0, 1): "YYYnn", the burst
        }
        boolean later = lim.allowN(t0 + Duration.ofMillis(100).toNanos(), 1);   // one token back per 100 ms
        // [/guide:allow]
        return sb.append(later ? 'Y' : 'n').toString();
    }

    static List<Object> waitAndReserve() throws InterruptedException {
        List<Object> out = new ArrayList<>();
        // [guide:wait]
        RateLimiter lim = new RateLimiter(Limit.every(Duration.ofMillis(2)), 1);   // rate.Every(2 * time.Millisecond)
        try (CancelContext ctx = Context.background().withTimeout(Duration.ofSeconds(5))) {
            for (int i = 0; i < 5; i++) {
                lim.waitN(ctx, 1);                               // lim.Wait(ctx): blocks for a token
            }
        }
        Reservation r = lim.reserve();                           // r := lim.Reserve()
        Duration delay = r.delay();                              // r.Delay(): how long to wait before acting
        r.cancel();                                              // r.Cancel(): hand the token back
        lim.setLimit(Limit.INF);                                 // lim.SetLimit(rate.Inf): allow everything
        // [/guide:wait]
        out.add(delay.isNegative());
        out.add(lim.allow() && lim.allow() && lim.allow());
        return out;
    }

    /** A service that fails its first calls. */
    static final class Flaky {
        int calls;

        String call() throws IOException {
            if (++calls <= 3) {
                throw new IOException("connection refused");
            }
            return "ok";
        }
    }

    static List<String> breaker() {
        List<String> log = new ArrayList<>();
        Flaky service = new Flaky();
        // [guide:breaker]
        CircuitBreaker cb = new CircuitBreaker(CircuitBreaker.Settings.builder()   // gobreaker.NewCircuitBreaker(st)
                .name("inventory")
                .timeout(Duration.ofSeconds(30))                 // open for 30 s, then half-open
                .readyToTrip(c -> c.consecutiveFailures() >= 3)  // ReadyToTrip
                .onStateChange((name, from, to) -> log.add(name + ": " + from + " -> " + to))
                .build());
        for (int i = 0; i < 4; i++) {
            try {
                log.add(cb.execute(service::call));              // cb.Execute(func() (string, error) {...})
            } catch (OpenStateException e) {                     // gobreaker.ErrOpenState: failed fast
                log.add("rejected: " + e.getMessage());
            } catch (IOException e) {                            // the request's own error
                log.add("failed: " + e.getMessage());
            }
        }
        // [/guide:breaker]
        return log;
    }

    static final List<String> DELIVERED = new ArrayList<>();

    static void deliver(String message) {
        DELIVERED.add(message);
    }

    static String twoStep() {
        CircuitBreaker cb = new CircuitBreaker(CircuitBreaker.Settings.defaults());
        try {
            // [guide:twostep]
            CircuitBreaker.Permit p = cb.allow();                // done, err := tscb.Allow()
            boolean ok = false;
            try {
                deliver("order 17");                             // the request
                ok = true;
            } finally {
                p.done(ok);                                      // done(err == nil)
            }
            // [/guide:twostep]
        } catch (BreakerRejectedException e) {
            return "rejected";
        }
        return cb.counts().totalSuccesses() + " success";
    }
}
