package dev.weft.samples;

import dev.weft.resilience.CircuitBreaker;
import dev.weft.resilience.OpenStateException;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;

/**
 * A circuit breaker around a flaky service (sony/gobreaker's semantics): three failures in a
 * row trip it open; while open it fails fast; after its timeout one trial request may pass
 * (half-open), and a success closes it again.
 *
 * <pre>{@code
 * // Go
 * cb := gobreaker.NewCircuitBreaker[string](gobreaker.Settings{
 *     ReadyToTrip: func(c gobreaker.Counts) bool { return c.ConsecutiveFailures >= 3 },
 * })
 * body, err := cb.Execute(func() (string, error) { return call() })
 * }</pre>
 */
public final class BreakerSample implements Sample {
    @Override
    public String name() {
        return "breaker";
    }

    @Override
    public String title() {
        return "a circuit breaker around a flaky service, printing its state changes";
    }

    /** Fails its first {@code failures} calls, then answers. */
    static final class FlakyService {
        private int calls;
        private final int failures;

        FlakyService(int failures) {
            this.failures = failures;
        }

        String call() throws IOException {
            if (++calls <= failures) {
                throw new IOException("connection refused");
            }
            return "ok";
        }
    }

    @Override
    public void run(PrintStream out) throws Exception {
        FlakyService service = new FlakyService(4);
        CircuitBreaker breaker = new CircuitBreaker(CircuitBreaker.Settings.builder()
                .name("inventory")
                .timeout(Duration.ofMillis(500))                            // open for 500 ms
                .readyToTrip(counts -> counts.consecutiveFailures() >= 3)
                .onStateChange((name, from, to) -> out.println("  " + name + ": " + from + " -> " + to))
                .build());
        for (int i = 1; i <= 5; i++) {
            out.println("call " + i + ": " + attempt(breaker, service));
        }
        Thread.sleep(600);                                                  // past the timeout
        out.println("call 6: " + attempt(breaker, service));               // half-open trial fails
        Thread.sleep(600);
        out.println("call 7: " + attempt(breaker, service));               // trial succeeds
        out.println("call 8: " + attempt(breaker, service));
    }

    private static String attempt(CircuitBreaker breaker, FlakyService service) {
        try {
            return breaker.execute(service::call);
        } catch (OpenStateException e) {
            return "rejected (" + e.getMessage() + ")";
        } catch (IOException e) {
            return "failed (" + e.getMessage() + ")";
        }
    }

    public static void main(String[] args) throws Exception {
        new BreakerSample().run(System.out);
    }
}
