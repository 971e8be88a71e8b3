package dev.weft.chan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stress, bounded in iterations: many goroutines, every value checked. */
@Timeout(120)
class ChanStressTest {
    private static final int PRODUCERS = 4;
    private static final int CONSUMERS = 4;
    /**
     * Values per capacity: a million over the four capacities, fewer where each one costs a
     * rendezvous, so that each test stays within a few seconds on a busy machine.
     */
    private static int values(int capacity) {
        return switch (capacity) {
            case 0 -> 100_000;
            case 1 -> 200_000;
            case 16 -> 300_000;
            default -> 400_000;
        };
    }

    /**
     * 4 producers and 4 consumers; each value carries (producer, sequence number). Nothing is
     * lost or duplicated, and each consumer sees each producer's values in increasing order
     * (FIFO per producer).
     */
    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1, 16, 1024})
    void producersAndConsumersLoseDuplicateAndReorderNothing(int capacity) throws Exception {
        int total = values(capacity);
        int perProducer = total / PRODUCERS;
        Chan<Long> ch = Chan.make(capacity);
        AtomicIntegerArray seen = new AtomicIntegerArray(total);
        AtomicLong received = new AtomicLong();
        AtomicLong running = new AtomicLong(PRODUCERS);
        try (Goroutines g = new Goroutines()) {
            for (int p = 0; p < PRODUCERS; p++) {
                long producer = p;
                g.go("producer-" + p, () -> {
                    for (long seq = 0; seq < perProducer; seq++) {
                        ch.send(producer << 32 | seq);
                    }
                    if (running.decrementAndGet() == 0) {
                        ch.close();
                    }
                });
            }
            for (int c = 0; c < CONSUMERS; c++) {
                g.go("consumer-" + c, () -> {
                    long[] last = new long[PRODUCERS];
                    java.util.Arrays.fill(last, -1);
                    for (long v : ch) {
                        int producer = (int) (v >>> 32);
                        long seq = v & 0xffff_ffffL;
                        assertTrue(seq > last[producer], "producer " + producer + ": " + seq
                                + " after " + last[producer]);
                        last[producer] = seq;
                        int idx = producer * perProducer + (int) seq;
                        assertEquals(0, seen.getAndIncrement(idx),
                                "duplicate " + producer + "/" + seq);
                        received.incrementAndGet();
                    }
                });
            }
        }
        assertEquals(total, received.get());
        for (int i = 0; i < total; i++) {
            assertEquals(1, seen.get(i), "lost value " + i);
        }
    }

    /**
     * Close wakes every parked select, round after round, while each goroutine reuses one
     * prepared select (its nodes move from the closed channel's queue to the next one's as soon
     * as it wakes). A missed wake-up hangs a goroutine and fails the bounded join. (It did not
     * reproduce the node-reuse race fixed in Chan.close on main; that race is narrower.)
     */
    @Test
    void closeWakesEverySelectWhileWokenSelectsReuseTheirNodes() throws Exception {
        int goroutines = 32;
        int rounds = 300;
        List<Chan<Integer>> closing = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            closing.add(Chan.make());
        }
        Chan<Integer> never = Chan.make();
        try (Goroutines g = new Goroutines(Duration.ofSeconds(60))) {
            for (int i = 0; i < goroutines; i++) {
                g.go("select-" + i, () -> {
                    PreparedSelect p = new PreparedSelect();
                    int c = p.recv(closing.get(0));
                    p.recv(never);
                    for (int r = 0; r < rounds; r++) {
                        p.recv(c, closing.get(r));
                        assertEquals(c, p.select());
                        assertTrue(!p.ok(), "only the close can complete this case");
                    }
                });
            }
            for (Chan<Integer> ch : closing) {
                ch.close();
            }
        }
    }

    /**
     * Workers select over shared channels (receive and send cases, a timeout) while a chaos
     * goroutine closes channels and interrupts workers at random. Every value whose send
     * completed is received or still buffered at the end, none twice; every worker ends.
     */
    @Test
    void selectWithRandomClosesAndInterruptsLeavesNoStuckThread() throws Exception {
        for (long seed = 1; seed <= 4; seed++) {
            selectChaos(seed);
        }
    }

    private static void selectChaos(long seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        int nchans = 4;
        int nworkers = 6;
        List<Chan<Long>> chans = new ArrayList<>();
        for (int i = 0; i < nchans; i++) {
            chans.add(Chan.make(rnd.nextInt(3)));
        }
        AtomicLong nextValue = new AtomicLong();
        AtomicIntegerArray delivered = new AtomicIntegerArray(1 << 17);
        AtomicLong sentCount = new AtomicLong();
        AtomicLong interrupts = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        try (Goroutines g = new Goroutines(Duration.ofSeconds(60))) {
            for (int w = 0; w < nworkers; w++) {
                SplittableRandom wr = rnd.split();
                workers.add(g.go("worker-" + w, () -> {
                    while (!stop.get()) {
                        Chan<Long> in = chans.get(wr.nextInt(nchans));
                        Chan<Long> out = chans.get(wr.nextInt(nchans));
                        long v = nextValue.getAndIncrement();
                        if (v >= delivered.length()) {
                            return;
                        }
                        try {
                            Select.on()
                                    .recvOk(in, (x, ok) -> {
                                        if (ok) {
                                            assertEquals(0, delivered.getAndIncrement((int) (long) x),
                                                    "value " + x + " received twice");
                                        }
                                    })
                                    .send(out, v, sentCount::incrementAndGet)
                                    .after(Duration.ofMillis(1), () -> { })
                                    .run();
                        } catch (InterruptedException e) {
                            interrupts.incrementAndGet();
                        } catch (ChannelClosedException e) {
                            assertEquals("send on closed channel", e.getMessage());
                        }
                    }
                }));
            }
            Thread chaos = g.go("chaos", () -> {
                List<Integer> open = new ArrayList<>(List.of(0, 1, 2, 3));
                for (int i = 0; i < 60; i++) {
                    Thread.sleep(0, 200_000); // pace only; correctness never depends on it
                    if (rnd.nextInt(10) == 0 && !open.isEmpty()) {
                        chans.get(open.remove(rnd.nextInt(open.size()))).close();
                    } else {
                        workers.get(rnd.nextInt(nworkers)).interrupt();
                    }
                }
                stop.set(true);
            });
            chaos.join();
        }
        // Count what is still buffered; then every completed send is accounted for once.
        long buffered = 0;
        for (Chan<Long> c : chans) {
            Received<Long> r;
            while ((r = c.tryRecv()) != null && r.ok()) {
                assertEquals(0, delivered.getAndIncrement((int) (long) r.value()));
                buffered++;
            }
        }
        long receivedTotal = 0;
        for (int i = 0; i < delivered.length(); i++) {
            receivedTotal += delivered.get(i);
        }
        assertEquals(sentCount.get(), receivedTotal, "seed " + seed + ": sent " + sentCount.get()
                + ", received or buffered " + receivedTotal + " (" + buffered + " buffered)");
    }
}
