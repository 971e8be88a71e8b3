package dev.weft.samples;

import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import dev.weft.resilience.Limit;
import dev.weft.resilience.RateLimitException;
import dev.weft.resilience.RateLimiter;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Rate limiting with bursts (Go's {@code golang.org/x/time/rate}): a token bucket that starts
 * full, refills at a steady rate, and lets a burst through at once.
 *
 * <pre>{@code
 * // Go
 * lim := rate.NewLimiter(10, 3)   // 10 per second, bursts of 3
 * if lim.Allow() { handle() }
 * lim.Wait(ctx)
 * }</pre>
 */
public final class RateLimitSample implements Sample {
    @Override
    public String name() {
        return "rate";
    }

    @Override
    public String title() {
        return "rate limiting: a token bucket with bursts, allow and wait";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        // With explicit times the outcome is exact: 10 tokens/s, burst 3, 6 requests at t=0.
        RateLimiter limiter = new RateLimiter(Limit.of(10), 3);
        long t0 = 0;
        StringBuilder at0 = new StringBuilder("t=0ms:  ");
        for (int i = 0; i < 6; i++) {
            at0.append(limiter.allowN(t0, 1) ? "allow " : "deny ");
        }
        out.println(at0.toString().strip());
        long t100 = Duration.ofMillis(100).toNanos();   // one token back after 100 ms
        out.println("t=100ms: " + (limiter.allowN(t100, 1) ? "allow" : "deny") + " "
                + (limiter.allowN(t100, 1) ? "allow" : "deny"));

        // wait: five events at 50 per second after a burst of 1 take at least 80 ms.
        RateLimiter paced = new RateLimiter(Limit.of(50), 1);
        long start = System.nanoTime();
        try (CancelContext ctx = Context.background().withTimeout(Duration.ofSeconds(5))) {
            for (int i = 0; i < 5; i++) {
                paced.waitN(ctx, 1);                      // lim.Wait(ctx)
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        out.println("5 paced events took at least 80ms: " + (ms >= 80 - 1));

        // A request larger than the burst can never be served: waitN says so at once.
        try {
            paced.waitN(Context.background(), 2);
        } catch (RateLimitException e) {
            out.println("waitN(2) with burst 1: " + e.getMessage());
        }
    }

    public static void main(String[] args) throws Exception {
        new RateLimitSample().run(System.out);
    }
}
