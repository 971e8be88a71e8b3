package dev.weft.bench;

import dev.weft.goroutine.Goroutine;
import dev.weft.goroutine.Scope;
import dev.weft.goroutine.Task;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W6 spawn: start and join 100,000 goroutines, in ns per goroutine. Weft's {@link Scope} beside
 * Weft's detached goroutines, plain {@code Thread.ofVirtual()} start and join, and a
 * virtual-thread-per-task executor; and Weft's scope again with start sites recorded, to show
 * what the stack walk costs. Each body does nothing, so the numbers are the spawning overhead.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
public class SpawnBench {
    static final int N = 100_000;

    private static final Task NOTHING = () -> { };
    private static final Runnable NOTHING_RUNNABLE = () -> { };

    /** Turns start-site recording on for the benchmark that measures it. */
    @State(org.openjdk.jmh.annotations.Scope.Benchmark)
    public static class StartSitesOn {
        @Setup
        public void on() {
            Goroutine.recordStartSites(true);
        }

        @TearDown
        public void off() {
            Goroutine.recordStartSites(false);
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void weftScope() throws InterruptedException {
        spawnInScope();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void weftScopeStartSites(StartSitesOn on) throws InterruptedException {
        spawnInScope();
    }

    private static void spawnInScope() throws InterruptedException {
        try (Scope scope = Scope.open()) {
            for (int i = 0; i < N; i++) {
                scope.go("spawn", NOTHING);
            }
            scope.await();
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void weftGoroutines() throws InterruptedException {
        Goroutine[] gs = new Goroutine[N];
        for (int i = 0; i < N; i++) {
            gs[i] = Goroutine.go("spawn", NOTHING);
        }
        for (Goroutine g : gs) {
            g.join();
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void jdkVirtualThreads() throws InterruptedException {
        Thread[] ts = new Thread[N];
        for (int i = 0; i < N; i++) {
            ts[i] = Thread.ofVirtual().start(NOTHING_RUNNABLE);
        }
        for (Thread t : ts) {
            t.join();
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void jdkVirtualThreadExecutor() {
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < N; i++) {
                ex.execute(NOTHING_RUNNABLE);
            }
        } // close() waits for every task
    }
}
