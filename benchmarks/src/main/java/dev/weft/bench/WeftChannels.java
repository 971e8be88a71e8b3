package dev.weft.bench;

import static dev.weft.bench.Workload.CAPACITY;
import static dev.weft.bench.Workload.MESSAGES;
import static dev.weft.bench.Workload.MPMC_THREADS;
import static dev.weft.bench.Workload.MSG;
import static dev.weft.bench.Workload.POPULAR_MESSAGES;
import static dev.weft.bench.Workload.POPULAR_ROUNDS;

import dev.weft.chan.Chan;
import dev.weft.chan.PreparedSelect;
import dev.weft.chan.Select;
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
 * Design.md section 5's channel workloads on Weft's {@link Chan}, {@link PreparedSelect} and
 * {@link Select}. Twins with the same method names: {@link JdkQueues}, {@link JoxChannels}.
 * Every score is ns per message; every goroutine is a virtual thread started per invocation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class WeftChannels {
    private static final Select.RecvAction<Integer> IGNORE = v -> { };

    /** W1: ns per one-way hop; two goroutines bounce one value over two unbuffered channels. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void W1_pingpong() throws InterruptedException {
        Chan<Integer> ping = Chan.make();
        Chan<Integer> pong = Chan.make();
        var g = new Goroutines();
        g.go("ping", () -> {
            for (int i = 0; i < MESSAGES / 2; i++) {
                ping.send(MSG);
                pong.recv();
            }
        });
        g.go("pong", () -> {
            for (int i = 0; i < MESSAGES / 2; i++) {
                pong.send(ping.recv());
            }
        });
        g.join();
    }

    /** W2: one producer, one consumer, unbuffered channel. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void W2_spsc_unbuffered() throws InterruptedException {
        spsc(Chan.make());
    }

    /** W3: one producer, one consumer, capacity 128. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void W3_spsc_buffered() throws InterruptedException {
        spsc(Chan.make(CAPACITY));
    }

    private static void spsc(Chan<Integer> ch) throws InterruptedException {
        var g = new Goroutines();
        g.go("producer", () -> {
            for (int i = 0; i < MESSAGES; i++) {
                ch.send(MSG);
            }
        });
        g.go("consumer", () -> {
            for (int i = 0; i < MESSAGES; i++) {
                ch.recv();
            }
        });
        g.join();
    }

    /** W4: 4 producers, 4 consumers, capacity 128. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void W4_mpmc_buffered() throws InterruptedException {
        Chan<Integer> ch = Chan.make(CAPACITY);
        var g = new Goroutines();
        for (int p = 0; p < MPMC_THREADS; p++) {
            g.go("producer-" + p, () -> {
                for (int i = 0; i < MESSAGES / MPMC_THREADS; i++) {
                    ch.send(MSG);
                }
            });
            g.go("consumer-" + p, () -> {
                for (int i = 0; i < MESSAGES / MPMC_THREADS; i++) {
                    ch.recv();
                }
            });
        }
        g.join();
    }

    /**
     * W5: 2 producers on unbuffered channels, one consumer selecting over both with a
     * {@link PreparedSelect} built once (what generated {@code @Select} loops use).
     */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void W5_select_fanin() throws InterruptedException {
        Chan<Integer> a = Chan.make();
        Chan<Integer> b = Chan.make();
        var g = new Goroutines();
        fanInProducers(g, a, b);
        g.go("consumer", () -> {
            PreparedSelect sel = new PreparedSelect();
            sel.recv(a);
            sel.recv(b);
            for (int i = 0; i < MESSAGES; i++) {
                sel.select();
            }
        });
        g.join();
    }

    /** W5b: as W5, but the consumer builds a fluent {@code Select.on()} for every message. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void W5b_select_fanin_fluent() throws InterruptedException {
        Chan<Integer> a = Chan.make();
        Chan<Integer> b = Chan.make();
        var g = new Goroutines();
        fanInProducers(g, a, b);
        g.go("consumer", () -> {
            for (int i = 0; i < MESSAGES; i++) {
                Select.on().recv(a, IGNORE).recv(b, IGNORE).run();
            }
        });
        g.join();
    }

    private static void fanInProducers(Goroutines g, Chan<Integer> a, Chan<Integer> b) {
        g.go("producer-a", () -> {
            for (int i = 0; i < MESSAGES / 2; i++) {
                a.send(MSG);
            }
        });
        g.go("producer-b", () -> {
            for (int i = 0; i < MESSAGES / 2; i++) {
                b.send(MSG);
            }
        });
    }

    /**
     * W7's receivers, blocked on their own channels before the timed part (see {@link Workload}).
     */
    @State(Scope.Thread)
    public static class Popular {
        Chan<Integer>[] chans;
        PopularReceivers receivers;

        @Setup(Level.Invocation)
        @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array, filled at once
        public void startReceivers() throws InterruptedException {
            chans = new Chan[Workload.POPULAR_RECEIVERS];
            for (int i = 0; i < chans.length; i++) {
                chans[i] = Chan.make();
            }
            receivers = PopularReceivers.start(chans.length, i -> chans[i]::recv);
        }

        /** Sends each receiver the one more value it waits for, then joins them. */
        @TearDown(Level.Invocation)
        public void stopReceivers() throws InterruptedException {
            for (Chan<Integer> c : chans) {
                c.send(MSG);
            }
            receivers.join();
        }
    }

    /**
     * W7: 10,000 goroutines each blocked receiving on its own channel; one sender serves them all.
     */
    @Benchmark
    @OperationsPerInvocation(POPULAR_MESSAGES)
    public void W7_popular(Popular s) throws InterruptedException {
        Chan<Integer>[] chans = s.chans;
        var g = new Goroutines();
        g.go("sender", () -> {
            for (int r = 0; r < POPULAR_ROUNDS; r++) {
                for (Chan<Integer> ch : chans) {
                    ch.send(MSG);
                }
            }
        });
        g.join();
        s.receivers.awaitServed();
    }
}
