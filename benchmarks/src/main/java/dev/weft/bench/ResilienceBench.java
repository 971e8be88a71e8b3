package dev.weft.bench;

import dev.weft.resilience.Limit;
import dev.weft.resilience.RateLimiter;
import dev.weft.sync.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Uncontended costs of the resilience tools, ns per operation, one thread: the rate limiter's
 * {@code allow()} (a huge rate, so it always succeeds and the bucket math runs every time) and a
 * semaphore {@code tryAcquire(1)} + {@code release(1)} pair, beside the JDK's
 * {@link java.util.concurrent.Semaphore} doing the same pair.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ResilienceBench {
    private RateLimiter limiter;
    private RateLimiter deniedLimiter;
    private Semaphore weftSemaphore;
    private java.util.concurrent.Semaphore jdkSemaphore;

    @Setup
    public void setup() {
        limiter = new RateLimiter(Limit.of(1e12), 1_000_000);
        deniedLimiter = new RateLimiter(Limit.ZERO, 1);
        deniedLimiter.allow(); // empty for good: every later allow() computes and refuses
        weftSemaphore = new Semaphore(10);
        jdkSemaphore = new java.util.concurrent.Semaphore(10);
    }

    /** Baseline: one reading of the clock every allow() makes. */
    @Benchmark
    public long clockNanoTime() {
        return dev.weft.time.Clock.current().nanoTime();
    }

    /** allow() that succeeds. */
    @Benchmark
    public boolean rateLimiterAllow() {
        return limiter.allow();
    }

    /** allow() that is refused (the drop path of an overloaded server). */
    @Benchmark
    public boolean rateLimiterAllowDenied() {
        return deniedLimiter.allow();
    }

    /** Weft's weighted semaphore: tryAcquire(1) then release(1). */
    @Benchmark
    public boolean semaphoreTryAcquireRelease() {
        boolean ok = weftSemaphore.tryAcquire(1);
        weftSemaphore.release(1);
        return ok;
    }

    /** java.util.concurrent.Semaphore: tryAcquire(1) then release(1). */
    @Benchmark
    public boolean jdkSemaphoreTryAcquireRelease() {
        boolean ok = jdkSemaphore.tryAcquire(1);
        jdkSemaphore.release(1);
        return ok;
    }
}
