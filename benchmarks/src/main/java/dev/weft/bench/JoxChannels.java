package dev.weft.bench;

import static dev.weft.bench.Workload.CAPACITY;
import static dev.weft.bench.Workload.MESSAGES;
import static dev.weft.bench.Workload.MPMC_THREADS;
import static dev.weft.bench.Workload.MSG;
import static dev.weft.bench.Workload.POPULAR_MESSAGES;
import static dev.weft.bench.Workload.POPULAR_ROUNDS;

import com.softwaremill.jox.Channel;
import com.softwaremill.jox.Select;
import com.softwaremill.jox.SelectClause;
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
 * The twins of {@link WeftChannels} on Jox 1.0.1 ({@code com.softwaremill.jox:channels}):
 * {@link Channel#newRendezvousChannel()} where the workload is unbuffered,
 * {@link Channel#newBufferedChannel(int)} where it is buffered, {@link Select#select} for W5.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class JoxChannels {

    /** W1: ns per one-way hop; two goroutines bounce one value over two rendezvous channels. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void W1_pingpong() throws InterruptedException {
        Channel<Integer> ping = Channel.newRendezvousChannel();
        Channel<Integer> pong = Channel.newRendezvousChannel();
        var g = new Goroutines();
        g.go("ping", () -> {
            for (int i = 0; i < MESSAGES / 2; i++) {
                ping.send(MSG);
                pong.receive();
            }
        });
        g.go("pong", () -> {
            for (int i = 0; i < MESSAGES / 2; i++) {
                pong.send(ping.receive());
            }
        });
        g.join();
    }

    /** W2: one producer, one consumer, rendezvous channel. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void W2_spsc_unbuffered() throws InterruptedException {
        spsc(Channel.newRendezvousChannel());
    }

    /** W3: one producer, one consumer, buffered channel of capacity 128. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void W3_spsc_buffered() throws InterruptedException {
        spsc(Channel.newBufferedChannel(CAPACITY));
    }

    private static void spsc(Channel<Integer> ch) throws InterruptedException {
        var g = new Goroutines();
        g.go("producer", () -> {
            for (int i = 0; i < MESSAGES; i++) {
                ch.send(MSG);
            }
        });
        g.go("consumer", () -> {
            for (int i = 0; i < MESSAGES; i++) {
                ch.receive();
            }
        });
        g.join();
    }

    /** W4: 4 producers, 4 consumers, buffered channel of capacity 128. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void W4_mpmc_buffered() throws InterruptedException {
        Channel<Integer> ch = Channel.newBufferedChannel(CAPACITY);
        var g = new Goroutines();
        for (int p = 0; p < MPMC_THREADS; p++) {
            g.go("producer-" + p, () -> {
                for (int i = 0; i < MESSAGES / MPMC_THREADS; i++) {
                    ch.send(MSG);
                }
            });
            g.go("consumer-" + p, () -> {
                for (int i = 0; i < MESSAGES / MPMC_THREADS; i++) {
                    ch.receive();
                }
            });
        }
        g.join();
    }

    /**
     * W5: 2 producers on rendezvous channels, one consumer selecting over both. Jox clauses are
     * immutable, so they are built once, as Weft's W5 builds its {@code PreparedSelect} once.
     */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void W5_select_fanin() throws InterruptedException {
        Channel<Integer> a = Channel.newRendezvousChannel();
        Channel<Integer> b = Channel.newRendezvousChannel();
        var g = new Goroutines();
        fanInProducers(g, a, b);
        g.go("consumer", () -> {
            SelectClause<Integer> fromA = a.receiveClause();
            SelectClause<Integer> fromB = b.receiveClause();
            for (int i = 0; i < MESSAGES; i++) {
                Select.select(fromA, fromB);
            }
        });
        g.join();
    }

    /** W5b: as W5, but the clauses are made for every message (Jox's documented usage). */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void W5b_select_fanin_fluent() throws InterruptedException {
        Channel<Integer> a = Channel.newRendezvousChannel();
        Channel<Integer> b = Channel.newRendezvousChannel();
        var g = new Goroutines();
        fanInProducers(g, a, b);
        g.go("consumer", () -> {
            for (int i = 0; i < MESSAGES; i++) {
                Select.select(a.receiveClause(), b.receiveClause());
            }
        });
        g.join();
    }

    private static void fanInProducers(Goroutines g, Channel<Integer> a, Channel<Integer> b) {
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
        Channel<Integer>[] chans;
        PopularReceivers receivers;

        @Setup(Level.Invocation)
        @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array, filled at once
        public void startReceivers() throws InterruptedException {
            chans = new Channel[Workload.POPULAR_RECEIVERS];
            for (int i = 0; i < chans.length; i++) {
                chans[i] = Channel.newRendezvousChannel();
            }
            receivers = PopularReceivers.start(chans.length, i -> chans[i]::receive);
        }

        /** Sends each receiver the one more value it waits for, then joins them. */
        @TearDown(Level.Invocation)
        public void stopReceivers() throws InterruptedException {
            for (Channel<Integer> c : chans) {
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
        Channel<Integer>[] chans = s.chans;
        var g = new Goroutines();
        g.go("sender", () -> {
            for (int r = 0; r < POPULAR_ROUNDS; r++) {
                for (Channel<Integer> ch : chans) {
                    ch.send(MSG);
                }
            }
        });
        g.join();
        s.receivers.awaitServed();
    }
}
