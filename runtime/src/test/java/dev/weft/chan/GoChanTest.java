package dev.weft.chan;

import static dev.weft.chan.Goroutines.awaitParked;
import static dev.weft.chan.Goroutines.awaitParkedOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rewrites of what Go's own channel tests check (src/runtime/chan_test.go and test/chan/*.go),
 * in Weft's terms: the facts, not the code. Go's sleeps ("make sure the goroutine is queued")
 * become waits for the goroutine to park on the channel.
 */
@Timeout(120)
class GoChanTest {

    // ------------------------------------------------------ chan_test.go TestChan

    @Test
    void testChan_everyCapacity() throws Exception {
        for (int cap = 0; cap < 20; cap++) {
            recvFromEmptyBlocks(cap);
            sendToFullBlocks(cap);
            closedChanDrainsThenReportsClosed(cap);
            closeUnblocksReceive(cap);
            fifoOrder(cap);
            manySendersManyReceivers(cap);
            lenAndCap(cap);
        }
    }

    private static void recvFromEmptyBlocks(int cap) throws Exception {
        Chan<Integer> c = Chan.make(cap);
        AtomicInteger received = new AtomicInteger();
        try (Goroutines g = new Goroutines()) {
            Thread r1 = g.go("recv", () -> {
                c.recv();
                received.incrementAndGet();
            });
            Thread r2 = g.go("recvOk", () -> {
                c.recvOk();
                received.incrementAndGet();
            });
            awaitParkedOn(r1, c);
            awaitParkedOn(r2, c);
            assertEquals(0, received.get(), "receive from empty chan did not block, cap " + cap);
            c.send(0);
            c.send(0);
        }
        assertEquals(2, received.get());
    }

    private static void sendToFullBlocks(int cap) throws Exception {
        Chan<Integer> c = Chan.make(cap);
        for (int i = 0; i < cap; i++) {
            c.send(i);
        }
        AtomicInteger sent = new AtomicInteger();
        try (Goroutines g = new Goroutines()) {
            Thread s = g.go("send", () -> {
                c.send(0);
                sent.set(1);
            });
            awaitParkedOn(s, c);
            assertEquals(0, sent.get(), "send to full chan did not block, cap " + cap);
            c.recv();
        }
        assertEquals(1, sent.get());
    }

    private static void closedChanDrainsThenReportsClosed(int cap) throws Exception {
        Chan<Integer> c = Chan.make(cap);
        for (int i = 0; i < cap; i++) {
            c.send(i);
        }
        c.close();
        for (int i = 0; i < cap; i++) {
            assertEquals(new Received<>(i, true), c.recvOk());
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(Received.closed(), c.recvOk());
        }
    }

    private static void closeUnblocksReceive(int cap) throws Exception {
        Chan<Integer> c = Chan.make(cap);
        AtomicReference<Received<Integer>> got = new AtomicReference<>();
        try (Goroutines g = new Goroutines()) {
            Thread r = g.go("recv", () -> got.set(c.recvOk()));
            awaitParkedOn(r, c);
            c.close();
        }
        assertEquals(Received.closed(), got.get());
    }

    private static void fifoOrder(int cap) throws Exception {
        Chan<Integer> c = Chan.make(cap);
        try (Goroutines g = new Goroutines()) {
            g.go("send", () -> {
                for (int i = 0; i < 100; i++) {
                    c.send(i);
                }
            });
            for (int i = 0; i < 100; i++) {
                assertEquals(i, c.recv(), "chan is not FIFO, cap " + cap);
            }
        }
    }

    private static void manySendersManyReceivers(int cap) throws Exception {
        int p = 4;
        int l = 1000;
        Chan<Integer> c = Chan.make(cap);
        AtomicInteger[] counts = new AtomicInteger[l];
        for (int i = 0; i < l; i++) {
            counts[i] = new AtomicInteger();
        }
        try (Goroutines g = new Goroutines()) {
            for (int k = 0; k < p; k++) {
                g.go("sender-" + k, () -> {
                    for (int i = 0; i < l; i++) {
                        c.send(i);
                    }
                });
                g.go("receiver-" + k, () -> {
                    for (int i = 0; i < l; i++) {
                        int v = c.recv();
                        counts[v].incrementAndGet();
                    }
                });
            }
        }
        for (int i = 0; i < l; i++) {
            assertEquals(p, counts[i].get(), "value " + i + " received wrong number of times");
        }
    }

    private static void lenAndCap(int cap) throws Exception {
        Chan<Integer> c = Chan.make(cap);
        assertEquals(0, c.len());
        assertEquals(cap, c.cap());
        for (int i = 0; i < cap; i++) {
            c.send(i);
        }
        assertEquals(cap, c.len());
        assertEquals(cap, c.cap());
    }

    // ------------------------------------------------------ TestNonblockRecvRace

    @Test
    void testNonblockRecvRace_valueOrCloseIsAlwaysReady() throws Exception {
        for (int i = 0; i < 5_000; i++) {
            Chan<Integer> c = Chan.make(1);
            c.send(1);
            AtomicReference<String> outcome = new AtomicReference<>();
            boolean viaTryRecv = i % 2 == 0;
            try (Goroutines g = new Goroutines()) {
                g.go("nonblocking recv", () -> outcome.set(viaTryRecv
                        ? (c.tryRecv() == null ? "default" : "received")
                        : (Select.on().recvOk(c, (v, ok) -> { }).orElse(() -> { }).run() == 1
                                ? "default" : "received")));
                c.close();
                c.recvOk();
            }
            assertEquals("received", outcome.get(), "chan is not ready, round " + i);
        }
    }

    // ------------------------------------------------------ TestNonblockSelectRace(2)

    @Test
    void testNonblockSelectRace2_closeKeepsOneCaseReady() throws Exception {
        for (int i = 0; i < 5_000; i++) {
            Chan<Integer> c1 = Chan.make(1);
            Chan<Integer> c2 = Chan.make(1);
            c1.send(1);
            AtomicInteger chosen = new AtomicInteger(-1);
            try (Goroutines g = new Goroutines()) {
                g.go("select", () -> chosen.set(Select.on().recvOk(c1, (v, ok) -> { })
                        .recvOk(c2, (v, ok) -> { }).orElse(() -> { }).run()));
                c2.close();
                c1.tryRecv();
            }
            assertTrue(chosen.get() != 2, "default chosen, round " + i);
        }
    }

    // ------------------------------------------------------ TestSelfSelect

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 10})
    void testSelfSelect_neverReceivesOwnValueUnbuffered(int cap) throws Exception {
        Chan<Integer> c = Chan.make(cap);
        try (Goroutines g = new Goroutines()) {
            for (int p = 0; p < 2; p++) {
                int me = p;
                g.go("self-select-" + p, () -> {
                    for (int i = 0; i < 1_000; i++) {
                        Select.RecvAction<Integer> check = v -> {
                            if (cap == 0 && v == me) {
                                fail("goroutine " + me + " received its own value");
                            }
                        };
                        if (me == 0 || i % 2 == 0) {
                            Select.on().send(c, me).recv(c, check).run();
                        } else {
                            Select.on().recv(c, check).send(c, me).run();
                        }
                    }
                });
            }
        }
    }

    // ------------------------------------------------------ TestSelectFairness

    @Test
    void testSelectFairness_twoAlwaysReadyCasesAmongIdleOnes() throws Exception {
        int trials = 10_000;
        Chan<Integer> c1 = Chan.make(trials + 1);
        Chan<Integer> c2 = Chan.make(trials + 1);
        for (int i = 0; i < trials + 1; i++) {
            c1.send(1);
            c2.send(2);
        }
        Chan<Integer> c3 = Chan.make();
        Chan<Integer> c4 = Chan.make();
        Chan<Integer> out = Chan.make();
        Chan<Integer> done = Chan.make();
        int cnt1 = 0;
        int cnt2 = 0;
        try (Goroutines g = new Goroutines()) {
            g.go("selecter", () -> {
                AtomicInteger b = new AtomicInteger();
                Select in = Select.on().recv(c3, b::set).recv(c4, b::set)
                        .recv(c1, b::set).recv(c2, b::set);
                for (;;) {
                    in.run();
                    if (Select.on().send(out, b.get()).recv(done, () -> { }).run() == 1) {
                        return;
                    }
                }
            });
            for (int i = 0; i < trials; i++) {
                int b = out.recv();
                if (b == 1) {
                    cnt1++;
                } else if (b == 2) {
                    cnt2++;
                } else {
                    fail("unexpected value " + b);
                }
            }
            done.close();
        }
        // Binomial(trials, 1/2): a deviation of 4.5/sqrt(trials) in the ratio is 9 sigma.
        double e = Math.abs(cnt1 / (double) trials - 0.5);
        assertTrue(e <= 4.5 / Math.sqrt(trials), "unfair select: " + cnt1 + ", " + cnt2);
    }

    // ------------------------------------------------------ TestPseudoRandomSend

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 100})
    void testPseudoRandomSend_bothSendCasesChosen(int cap) throws Exception {
        int n = 100;
        Chan<Integer> c = Chan.make(cap);
        int[] got = new int[n];
        try (Goroutines g = new Goroutines()) {
            g.go("receiver", () -> {
                for (int i = 0; i < n; i++) {
                    Thread.yield();
                    got[i] = c.recv();
                }
            });
            for (int i = 0; i < n; i++) {
                Select.on().send(c, 1).send(c, 0).run();
            }
        }
        int n1 = 0;
        for (int v : got) {
            n1 += v;
        }
        int n0 = n - n1;
        // P(Binomial(100, 1/2) <= 10) is about 1.5e-17.
        assertTrue(n0 > n / 10 && n1 > n / 10, "want pseudorandom, got " + n0 + " zeros and "
                + n1 + " ones (cap " + cap + ")");
    }

    // ------------------------------------------------------ TestMultiConsumer

    @Test
    void testMultiConsumer_eachValueConsumedOnce() throws Exception {
        int nwork = 23;
        int niter = 50_000;
        int[] pn = {2, 3, 7, 11, 13, 17, 19, 23, 27, 31};
        Chan<Integer> q = Chan.make(nwork * 3);
        Chan<Integer> r = Chan.make(nwork * 3);
        AtomicInteger running = new AtomicInteger(nwork);
        AtomicLong expect = new AtomicLong();
        long n = 0;
        long s = 0;
        try (Goroutines g = new Goroutines()) {
            for (int w = 0; w < nwork; w++) {
                int me = w;
                g.go("worker-" + w, () -> {
                    for (int v : q) {
                        if (pn[me % pn.length] == v) {
                            Thread.yield(); // mix things up, as Go's Gosched
                        }
                        expect.addAndGet(v);
                        r.send(v);
                    }
                    if (running.decrementAndGet() == 0) {
                        r.close();
                    }
                });
            }
            g.go("feeder", () -> {
                try (SendChan<Integer> out = q) {
                    for (int i = 0; i < niter; i++) {
                        out.send(i);
                    }
                }
            });
            for (int v : r) {
                n++;
                s += v;
            }
        }
        assertEquals(niter, n);
        assertEquals(expect.get(), s);
        assertEquals((long) niter * (niter - 1) / 2, s);
    }

    // ------------------------------------------------------ test/chan/select3.go

    /** Runs {@code body} in a goroutine and checks it blocks (it parks and stays alive). */
    private static void assertBlocks(String what, Goroutines.Body body) throws Exception {
        AtomicReference<Throwable> ended = new AtomicReference<>();
        try (Goroutines g = new Goroutines()) {
            Thread t = g.go(what, () -> {
                try {
                    body.run();
                    ended.set(new AssertionError(what + " did not block"));
                } catch (InterruptedException e) {
                    ended.set(e);
                }
            });
            awaitParked(t);
            assertTrue(t.isAlive(), what + " did not block");
            t.interrupt();
        }
        assertTrue(ended.get() instanceof InterruptedException, what + ": " + ended.get());
    }

    private static void assertDoesNotBlock(String what, Goroutines.Body body) throws Exception {
        try (Goroutines g = new Goroutines()) {
            g.go(what, body);
        }
    }

    @Test
    void select3_blockAndThrowMatrix() throws Exception {
        Chan<Integer> closed = Chan.make();
        closed.close();
        RecvChan<Integer> nilRecv = null;
        SendChan<Integer> nilSend = null;

        // nil channels block; with a default they do not.
        assertBlocks("select recv on nil", () -> Select.on().recv(nilRecv, v -> { }).run());
        assertBlocks("select send on nil", () -> Select.on().send(nilSend, 7).run());
        assertDoesNotBlock("nil recv with default",
                () -> assertEquals(1, Select.on().recv(nilRecv, v -> { }).orElse(() -> { }).run()));
        assertDoesNotBlock("nil send with default",
                () -> assertEquals(1, Select.on().send(nilSend, 7).orElse(() -> { }).run()));

        // The empty select blocks; with only a default it does not.
        assertBlocks("empty select", () -> Select.on().run());
        assertDoesNotBlock("empty select with default",
                () -> assertEquals(0, Select.on().orElse(() -> { }).run()));

        // Closed channels: receives never block, sends throw.
        assertDoesNotBlock("recvOk on closed", () -> assertFalse(closed.recvOk().ok()));
        assertThrows(ChannelClosedException.class, closed::recv, "Weft: no zero value");
        assertThrows(ChannelClosedException.class, () -> closed.send(7));
        assertDoesNotBlock("select recv on closed",
                () -> Select.on().recvOk(closed, (v, ok) -> assertFalse(ok)).run());
        assertThrows(ChannelClosedException.class, () -> Select.on().send(closed, 7).run());
        assertThrows(ChannelClosedException.class,
                () -> Select.on().send(closed, 7).orElse(() -> { }).run());
        assertDoesNotBlock("nil and closed recv",
                () -> assertEquals(1, Select.on().recv(nilRecv, v -> { })
                        .recvOk(closed, (v, ok) -> { }).run()));

        // Empty buffered channel: receive blocks, send does not.
        Chan<Integer> async = Chan.make(1);
        assertBlocks("recv on empty buffered", async::recv);
        assertBlocks("select recv on empty buffered",
                () -> Select.on().recv(async, v -> { }).run());
        assertDoesNotBlock("select recv with default",
                () -> assertEquals(1, Select.on().recv(async, v -> { }).orElse(() -> { }).run()));
        assertDoesNotBlock("send to buffered with room", () -> async.send(7));
        assertBlocks("send to full buffered", () -> async.send(8));
        assertDoesNotBlock("select send with default on full",
                () -> assertEquals(1, Select.on().send(async, 9).orElse(() -> { }).run()));

        // Unbuffered channel with no partner: both directions block.
        Chan<Integer> sync = Chan.make();
        assertBlocks("recv on unbuffered", sync::recv);
        assertBlocks("send on unbuffered", () -> sync.send(1));
        // A select does not get confused when it sees itself.
        assertBlocks("select sees itself",
                () -> Select.on().send(sync, 1).recv(sync, v -> { }).run());
        assertEquals(null, sync.tryRecv(), "no waiter left behind by the interrupted selects");
    }

    // ------------------------------------------------------ test/chan/doubleselect.go

    @Test
    void doubleSelect_onlyOneCaseRunsPerSelect() throws Exception {
        int iterations = 20_000;
        List<Chan<Integer>> cs = List.of(Chan.make(), Chan.make(), Chan.make(), Chan.make());
        Chan<Integer> cmux = Chan.make();
        AtomicInteger muxes = new AtomicInteger(cs.size());
        BitSet seen = new BitSet(iterations);
        try (Goroutines g = new Goroutines()) {
            g.go("sender", () -> {
                // If two cases ran in one select, one value would reach two channels.
                for (int v = 0; v < iterations; v++) {
                    Select.on().send(cs.get(0), v).send(cs.get(1), v).send(cs.get(2), v)
                            .send(cs.get(3), v).run();
                }
                for (Chan<Integer> c : cs) {
                    c.close();
                }
            });
            for (Chan<Integer> c : cs) {
                g.go("mux", () -> {
                    for (int v : c) {
                        cmux.send(v);
                    }
                    if (muxes.decrementAndGet() == 0) {
                        cmux.close();
                    }
                });
            }
            for (int v : cmux) {
                assertFalse(seen.get(v), "duplicate value " + v);
                seen.set(v);
            }
        }
        assertEquals(iterations, seen.cardinality());
    }

    // ------------------------------------------------------ test/chan/fifo.go

    @Test
    void fifo_asynchronous() throws Exception {
        int n = 10;
        Chan<Integer> ch = Chan.make(n);
        for (int i = 0; i < n; i++) {
            ch.send(i);
        }
        for (int i = 0; i < n; i++) {
            assertEquals(i, ch.recv());
        }
    }

    @Test
    void fifo_synchronousChain() throws Exception {
        // Goroutine i waits for goroutine i-1, then receives; the values sent in order must
        // reach the goroutines in order.
        int n = 10;
        Chan<Integer> ch = Chan.make();
        Chan<Integer> start = Chan.make();
        Chan<Integer> in = start;
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < n; i++) {
                Chan<Integer> out = Chan.make();
                Chan<Integer> prev = in;
                int val = i;
                g.go("chain-" + i, () -> {
                    prev.recv();
                    assertEquals(val, ch.recv());
                    out.send(1);
                });
                in = out;
            }
            start.send(0);
            for (int i = 0; i < n; i++) {
                ch.send(i);
            }
            in.recv();
        }
    }

    // ------------------------------------------------------ test/chan/nonblock.go

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1, 10})
    void nonblock_tryOperationsSucceedOnceAPartnerIsThere(int cap) throws Exception {
        Chan<Integer> c = Chan.make(cap);
        assertNull(c.tryRecv(), "nonblocking recv on empty chan succeeded");
        assertEquals(1, Select.on().recv(c, v -> fail("recv")).orElse(() -> { }).run());
        if (cap == 0) {
            assertFalse(c.trySend(1), "nonblocking send with no receiver succeeded");
        }
        Chan<Boolean> strobe = Chan.make();
        try (Goroutines g = new Goroutines()) {
            g.go("sender", () -> {
                c.send(123);
                strobe.send(true);
            });
            Received<Integer> r = tryUntil(c::tryRecv);
            assertEquals(123, r.value());
            strobe.recv();
        }
        try (Goroutines g = new Goroutines()) {
            AtomicInteger got = new AtomicInteger();
            g.go("receiver", () -> {
                got.set(c.recv());
                strobe.send(true);
            });
            tryUntil(() -> c.trySend(234) ? Boolean.TRUE : null);
            strobe.recv();
            assertEquals(234, got.get());
        }
    }

    /** Retries a non-blocking operation until it succeeds (bounded by the helper's timeout). */
    private static <T> T tryUntil(java.util.function.Supplier<T> op) {
        AtomicReference<T> result = new AtomicReference<>();
        Goroutines.awaitTrue(() -> {
            T r = op.get();
            result.set(r);
            return r != null;
        }, () -> "a non-blocking operation to succeed");
        return result.get();
    }

    // ------------------------------------------------------ test/chan/sieve1.go

    @Test
    void sieve1_firstPrimes() throws Exception {
        int count = 100;
        List<Integer> expected = new ArrayList<>();
        for (int i = 2; expected.size() < count; i++) {
            boolean prime = true;
            for (int d = 2; d * d <= i; d++) {
                prime &= i % d != 0;
            }
            if (prime) {
                expected.add(i);
            }
        }
        List<Thread> stages = new ArrayList<>();
        List<Integer> primes = new ArrayList<>();
        Chan<Integer> ch = Chan.make();
        stages.add(Thread.ofVirtual().name("generate").start(() -> {
            try {
                for (int i = 2; ; i++) {
                    ch.send(i);
                }
            } catch (InterruptedException e) {
                // the sieve is done
            }
        }));
        Chan<Integer> in = ch;
        for (int k = 0; k < count; k++) {
            int prime = in.recv();
            primes.add(prime);
            Chan<Integer> out = Chan.make();
            RecvChan<Integer> src = in;
            stages.add(Thread.ofVirtual().name("filter-" + prime).start(() -> {
                try {
                    for (;;) {
                        int i = src.recv();
                        if (i % prime != 0) {
                            out.send(i);
                        }
                    }
                } catch (InterruptedException e) {
                    // the sieve is done
                }
            }));
            in = out;
        }
        assertEquals(expected, primes);
        for (Thread t : stages) {
            t.interrupt();
        }
        for (Thread t : stages) {
            assertTrue(t.join(Goroutines.JOIN_TIMEOUT), "stage " + t.getName() + " stuck:\n"
                    + Goroutines.dump(stages));
        }
    }
}
