package dev.weft.bench;

import static dev.weft.bench.Workload.CAPACITY;
import static dev.weft.bench.Workload.MESSAGES;
import static dev.weft.bench.Workload.MPMC_THREADS;
import static dev.weft.bench.Workload.MSG;
import static dev.weft.bench.Workload.POPULAR_MESSAGES;
import static dev.weft.bench.Workload.POPULAR_ROUNDS;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The twins of {@link WeftChannels} on the JDK's queues: {@link SynchronousQueue} where the
 * workload is unbuffered, {@link ArrayBlockingQueue} where it is buffered, on virtual threads.
 * The JDK has no select, so W5 has no twin here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class JdkQueues {

    /** W1: ns per one-way hop; two goroutines bounce one value over two SynchronousQueues. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void W1_pingpong() throws InterruptedException {
        BlockingQueue<Integer> ping = new SynchronousQueue<>();
        BlockingQueue<Integer> pong = new SynchronousQueue<>();
        var g = new Goroutines();
        g.go("ping", () -> {
            for (int i = 0; i < MESSAGES / 2; i++) {
                ping.put(MSG);
                pong.take();
            }
        });
        g.go("pong", () -> {
            for (int i = 0; i < MESSAGES / 2; i++) {
                pong.put(ping.take());
            }
        });
        g.join();
    }

    /** W2: one producer, one consumer, SynchronousQueue. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void W2_spsc_unbuffered() throws InterruptedException {
        spsc(new SynchronousQueue<>());
    }

    /** W3: one producer, one consumer, ArrayBlockingQueue of capacity 128. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void W3_spsc_buffered() throws InterruptedException {
        spsc(new ArrayBlockingQueue<>(CAPACITY));
    }

    private static void spsc(BlockingQueue<Integer> q) throws InterruptedException {
        var g = new Goroutines();
        g.go("producer", () -> {
            for (int i = 0; i < MESSAGES; i++) {
                q.put(MSG);
            }
        });
        g.go("consumer", () -> {
            for (int i = 0; i < MESSAGES; i++) {
                q.take();
            }
        });
        g.join();
    }

    /** W4: 4 producers, 4 consumers, ArrayBlockingQueue of capacity 128. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void W4_mpmc_buffered() throws InterruptedException {
        BlockingQueue<Integer> q = new ArrayBlockingQueue<>(CAPACITY);
        var g = new Goroutines();
        for (int p = 0; p < MPMC_THREADS; p++) {
            g.go("producer-" + p, () -> {
                for (int i = 0; i < MESSAGES / MPMC_THREADS; i++) {
                    q.put(MSG);
                }
            });
            g.go("consumer-" + p, () -> {
                for (int i = 0; i < MESSAGES / MPMC_THREADS; i++) {
                    q.take();
                }
            });
        }
        g.join();
    }

    /**
     * W7's receivers, blocked on their own queues before the timed part (see {@link Workload}).
     */
    @State(Scope.Thread)
    public static class Popular {
        SynchronousQueue<Integer>[] queues;
        PopularReceivers receivers;

        @Setup(Level.Invocation)
        @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array, filled at once
        public void startReceivers() throws InterruptedException {
            queues = new SynchronousQueue[Workload.POPULAR_RECEIVERS];
            for (int i = 0; i < queues.length; i++) {
                queues[i] = new SynchronousQueue<>();
            }
            receivers = PopularReceivers.start(queues.length, i -> queues[i]::take);
        }

        /** Sends each receiver the one more value it waits for, then joins them. */
        @TearDown(Level.Invocation)
        public void stopReceivers() throws InterruptedException {
            for (SynchronousQueue<Integer> c : queues) {
                c.put(MSG);
            }
            receivers.join();
        }
    }

    /**
     * W7: 10,000 goroutines each blocked taking from its own queue; one sender serves them all.
     */
    @Benchmark
    @OperationsPerInvocation(POPULAR_MESSAGES)
    public void W7_popular(Popular s) throws InterruptedException {
        SynchronousQueue<Integer>[] queues = s.queues;
        var g = new Goroutines();
        g.go("sender", () -> {
            for (int r = 0; r < POPULAR_ROUNDS; r++) {
                for (SynchronousQueue<Integer> q : queues) {
                    q.put(MSG);
                }
            }
        });
        g.join();
        s.receivers.awaitServed();
    }
}
