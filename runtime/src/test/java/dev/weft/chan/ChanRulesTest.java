package dev.weft.chan;

import static dev.weft.chan.Goroutines.awaitParked;
import static dev.weft.chan.Goroutines.awaitParkedOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import dev.weft.context.ContextCanceledException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test (or a few) per Go rule A1–A13 of design.md, named after the rule. */
@Timeout(60)
class ChanRulesTest {

    // ------------------------------------------------------------------ A1

    @Test
    void rule_A1_negativeCapacityIsRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Chan.make(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Chan.make(Integer.MIN_VALUE));
    }

    @Test
    void rule_A1_lenAndCapReportQueuedValuesAndCapacity() throws Exception {
        Chan<Integer> ch = Chan.make(3);
        assertEquals(3, ch.cap());
        assertEquals(0, ch.len());
        ch.send(1);
        ch.send(2);
        assertEquals(2, ch.len());
        ch.recv();
        assertEquals(1, ch.len());
        ch.close();
        assertEquals(1, ch.len(), "close keeps the buffered value");
        assertEquals(3, ch.cap());

        Chan<Integer> unbuffered = Chan.make();
        assertEquals(0, unbuffered.cap());
        try (Goroutines g = new Goroutines()) {
            Thread s = g.go("sender", () -> unbuffered.send(7));
            awaitParkedOn(s, unbuffered);
            assertEquals(0, unbuffered.len(), "a blocked sender is not a queued value");
            assertEquals(7, unbuffered.recv());
        }
    }

    // ------------------------------------------------------------------ A2

    @Test
    void rule_A2_unbufferedSendCompletesOnlyWhenReceived() throws Exception {
        Chan<Integer> ch = Chan.make();
        AtomicInteger sent = new AtomicInteger();
        try (Goroutines g = new Goroutines()) {
            Thread s = g.go("sender", () -> {
                ch.send(1);
                sent.set(1);
            });
            awaitParkedOn(s, ch);
            assertEquals(0, sent.get(), "send returned with nobody receiving");
            assertEquals(1, ch.recv());
        }
        assertEquals(1, sent.get());
    }

    @Test
    void rule_A2_unbufferedRecvCompletesOnlyWhenSent() throws Exception {
        Chan<Integer> ch = Chan.make();
        AtomicReference<Integer> got = new AtomicReference<>();
        try (Goroutines g = new Goroutines()) {
            Thread r = g.go("receiver", () -> got.set(ch.recv()));
            awaitParkedOn(r, ch);
            assertNull(got.get());
            ch.send(5);
        }
        assertEquals(5, got.get());
    }

    @Test
    void rule_A2_bufferedSendBlocksOnlyWhenFullRecvOnlyWhenEmpty() throws Exception {
        Chan<Integer> ch = Chan.make(2);
        ch.send(1); // would hang the test if it blocked
        ch.send(2);
        assertFalse(ch.trySend(3), "full");
        try (Goroutines g = new Goroutines()) {
            Thread s = g.go("third sender", () -> ch.send(3));
            awaitParkedOn(s, ch);
            assertEquals(1, ch.recv());
        }
        assertEquals(2, ch.recv());
        assertEquals(3, ch.recv());
        assertNull(ch.tryRecv(), "empty");
        try (Goroutines g = new Goroutines()) {
            Thread r = g.go("receiver", () -> assertEquals(4, ch.recv()));
            awaitParkedOn(r, ch);
            ch.send(4);
        }
    }

    // ------------------------------------------------------------------ A3

    /** Plain, unsynchronized data: visibility comes from the channel alone. */
    static final class Plain {
        int[] data;
        Plain(int n) {
            data = new int[n];
        }
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1, 8})
    void rule_A3_sendHappensBeforeMatchingReceiveCompletes(int capacity) throws Exception {
        int n = 20_000;
        Plain p = new Plain(n);
        Chan<Integer> ch = Chan.make(capacity);
        try (Goroutines g = new Goroutines()) {
            g.go("writer", () -> {
                for (int i = 0; i < n; i++) {
                    p.data[i] = i + 1; // plain write before the send
                    ch.send(i);
                }
            });
            for (int i = 0; i < n; i++) {
                int k = ch.recv();
                assertEquals(k + 1, p.data[k], "write before send not visible after receive");
            }
        }
    }

    @Test
    void rule_A3_unbufferedReceiveHappensBeforeSendCompletes() throws Exception {
        int n = 20_000;
        Plain p = new Plain(n);
        Chan<Integer> ch = Chan.make();
        try (Goroutines g = new Goroutines()) {
            g.go("receiver", () -> {
                for (int i = 0; i < n; i++) {
                    p.data[i] = i + 1; // plain write before the receive
                    ch.recv();
                }
            });
            for (int i = 0; i < n; i++) {
                ch.send(i);
                assertEquals(i + 1, p.data[i], "write before receive not visible after send");
            }
        }
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, 3})
    void rule_A3_kthReceiveHappensBeforeKPlusCthSendCompletes(int c) throws Exception {
        int n = 20_000;
        Plain p = new Plain(n);
        Chan<Integer> ch = Chan.make(c);
        try (Goroutines g = new Goroutines()) {
            g.go("receiver", () -> {
                for (int k = 0; k < n; k++) {
                    p.data[k] = k + 1; // before the k-th receive
                    ch.recv();
                }
            });
            for (int j = 0; j < n; j++) {
                ch.send(j);
                if (j >= c) {
                    assertEquals(j - c + 1, p.data[j - c],
                            "receive " + (j - c) + " not visible after send " + j);
                }
            }
        }
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 2})
    void rule_A3_closeHappensBeforeReceiveThatSeesIt(int capacity) throws Exception {
        for (int round = 0; round < 2_000; round++) {
            Plain p = new Plain(1);
            Chan<Integer> ch = Chan.make(capacity);
            try (Goroutines g = new Goroutines()) {
                g.go("closer", () -> {
                    p.data[0] = 42;
                    ch.close();
                });
                assertFalse(ch.recvOk().ok());
                assertEquals(42, p.data[0], "write before close not visible after the close");
            }
        }
    }

    // ------------------------------------------------------------------ A4

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1, 10, 100})
    void rule_A4_valuesArriveInSendOrder(int capacity) throws Exception {
        Chan<Integer> ch = Chan.make(capacity);
        try (Goroutines g = new Goroutines()) {
            g.go("sender", () -> {
                for (int i = 0; i < 1_000; i++) {
                    ch.send(i);
                }
                ch.close();
            });
            int expect = 0;
            for (int v : ch) {
                assertEquals(expect++, v);
            }
            assertEquals(1_000, expect);
        }
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 2})
    void rule_A4_blockedSendersAreServedFirstComeFirstServed(int capacity) throws Exception {
        Chan<Integer> ch = Chan.make(capacity);
        for (int i = 0; i < capacity; i++) {
            ch.send(-1 - i); // fill the buffer so senders block
        }
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < 5; i++) {
                int v = i;
                Thread s = g.go("sender-" + i, () -> ch.send(v));
                awaitParkedOn(s, ch); // queued before the next one starts
            }
            for (int i = 0; i < capacity; i++) {
                assertEquals(-1 - i, ch.recv());
            }
            for (int i = 0; i < 5; i++) {
                assertEquals(i, ch.recv(), "senders served out of arrival order");
            }
        }
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 2})
    void rule_A4_blockedReceiversAreServedFirstComeFirstServed(int capacity) throws Exception {
        Chan<Integer> ch = Chan.make(capacity);
        int[] got = new int[5];
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < 5; i++) {
                int me = i;
                Thread r = g.go("receiver-" + i, () -> got[me] = ch.recv());
                awaitParkedOn(r, ch);
            }
            for (int i = 0; i < 5; i++) {
                ch.send(100 + i);
            }
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(100 + i, got[i], "receiver " + i + " served out of arrival order");
        }
    }

    @Test
    void rule_A4_parkedSendersValueGoesToTheTail() throws Exception {
        Chan<Integer> ch = Chan.make(2);
        ch.send(1);
        ch.send(2);
        try (Goroutines g = new Goroutines()) {
            Thread s3 = g.go("sender-3", () -> ch.send(3));
            awaitParkedOn(s3, ch);
            Thread s4 = g.go("sender-4", () -> ch.send(4));
            awaitParkedOn(s4, ch);
            assertEquals(1, ch.recv());
            s3.join(); // its value moved into the freed slot: the send completed
            assertEquals(2, ch.len());
            assertTrue(s4.isAlive(), "the second parked sender is still waiting");
            assertEquals(2, ch.recv());
            s4.join();
            assertEquals(3, ch.recv());
            assertEquals(4, ch.recv());
            assertNull(ch.tryRecv());
        }
    }

    // ------------------------------------------------------------------ A5

    @Test
    void rule_A5_sendOnClosedChannelThrows() {
        for (int capacity : new int[] {0, 1, 5}) {
            Chan<Integer> ch = Chan.make(capacity);
            ch.close();
            ChannelClosedException e = assertThrows(ChannelClosedException.class, () -> ch.send(1));
            assertEquals("send on closed channel", e.getMessage());
            e = assertThrows(ChannelClosedException.class, () -> ch.trySend(1));
            assertEquals("send on closed channel", e.getMessage());
        }
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1})
    void rule_A5_senderBlockedWhenTheCloseHappensThrows(int capacity) throws Exception {
        Chan<Integer> ch = Chan.make(capacity);
        for (int i = 0; i < capacity; i++) {
            ch.send(0);
        }
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (Goroutines g = new Goroutines()) {
            Thread s = g.go("blocked sender", () -> {
                try {
                    ch.send(1);
                } catch (ChannelClosedException e) {
                    thrown.set(e);
                }
            });
            awaitParkedOn(s, ch);
            ch.close();
        }
        assertEquals("send on closed channel", thrown.get().getMessage());
        // The blocked value was not delivered: only the buffered ones remain.
        for (int i = 0; i < capacity; i++) {
            assertEquals(0, ch.recv());
        }
        assertFalse(ch.recvOk().ok());
    }

    @Test
    void rule_A5_sendCaseChosenInSelectThrows() throws Exception {
        Chan<Integer> closed = Chan.make(1);
        closed.close();
        Chan<Integer> empty = Chan.make();
        for (int i = 0; i < 100; i++) {
            // A closed channel's send case is ready, so it is always chosen over an empty recv.
            ChannelClosedException e = assertThrows(ChannelClosedException.class,
                    () -> Select.on().send(closed, 1).recv(empty, v -> { }).run());
            assertEquals("send on closed channel", e.getMessage());
            assertThrows(ChannelClosedException.class,
                    () -> Select.on().send(closed, 1).orElse(() -> { }).run());
        }
        // A select blocked on a send when the channel is closed throws too.
        Chan<Integer> full = Chan.make(1);
        full.send(0);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (Goroutines g = new Goroutines()) {
            Thread s = g.go("select sender", () -> {
                try {
                    Select.on().send(full, 1).recv(empty, v -> { }).run();
                } catch (ChannelClosedException e) {
                    thrown.set(e);
                }
            });
            awaitParked(s);
            full.close();
        }
        assertEquals("send on closed channel", thrown.get().getMessage());
    }

    // ------------------------------------------------------------------ A6

    @Test
    void rule_A6_closingAClosedChannelThrows() {
        for (int capacity : new int[] {0, 3}) {
            Chan<Integer> ch = Chan.make(capacity);
            ch.close();
            ChannelClosedException e = assertThrows(ChannelClosedException.class, ch::close);
            assertEquals("close of closed channel", e.getMessage());
            SendChan<Integer> view = ch;
            assertThrows(ChannelClosedException.class, view::close);
        }
    }

    // ------------------------------------------------------------------ A7

    @Test
    void rule_A7_bufferDrainsFirstThenClosedForever() throws Exception {
        Chan<Integer> ch = Chan.make(3);
        ch.send(1);
        ch.send(2);
        ch.close();
        assertEquals(new Received<>(1, true), ch.recvOk());
        assertEquals(new Received<>(2, true), ch.tryRecv());
        for (int i = 0; i < 5; i++) {
            assertEquals(Received.closed(), ch.recvOk());
            assertEquals(Received.closed(), ch.tryRecv());
            ChannelClosedException e = assertThrows(ChannelClosedException.class, ch::recv);
            assertEquals("receive from closed channel", e.getMessage());
        }
        List<Integer> ranged = new ArrayList<>();
        for (int v : ch) {
            ranged.add(v);
        }
        assertEquals(List.of(), ranged);
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 4})
    void rule_A7_closeWakesEveryBlockedReceiver(int capacity) throws Exception {
        Chan<Integer> ch = Chan.make(capacity);
        Chan<Integer> other = Chan.make();
        ConcurrentLinkedQueue<String> outcomes = new ConcurrentLinkedQueue<>();
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < 6; i++) {
                Thread r = g.go("receiver-" + i, () -> outcomes.add("recvOk " + ch.recvOk().ok()));
                awaitParkedOn(r, ch);
            }
            Thread it = g.go("ranger", () -> {
                int n = 0;
                for (int ignored : ch) {
                    n++;
                }
                outcomes.add("range " + n);
            });
            awaitParkedOn(it, ch);
            Thread sel = g.go("selecter", () -> Select.on()
                    .recvOk(ch, (v, ok) -> outcomes.add("select " + ok))
                    .recv(other, v -> outcomes.add("wrong case")).run());
            awaitParked(sel);
            ch.close();
        }
        List<String> sorted = new ArrayList<>(outcomes);
        sorted.sort(null);
        assertEquals(List.of("range 0", "recvOk false", "recvOk false", "recvOk false",
                "recvOk false", "recvOk false", "recvOk false", "select false"), sorted);
    }

    // ------------------------------------------------------------------ A8

    @Test
    void rule_A8_caseOnNullChannelIsNeverChosen() throws Exception {
        Chan<Integer> ready = Chan.make(1);
        for (int i = 0; i < 200; i++) {
            assertEquals(1, Select.on().recv((RecvChan<Integer>) null, v -> { })
                    .orElse(() -> { }).run(), "null receive chosen over default");
            assertEquals(1, Select.on().send((SendChan<Integer>) null, 1)
                    .orElse(() -> { }).run(), "null send chosen over default");
            ready.send(i);
            assertEquals(1, Select.on().recv((RecvChan<Integer>) null, v -> { })
                    .recv(ready, v -> { }).send(null, 5).run());
        }
    }

    @Test
    void rule_A8_selectOfOnlyNullCasesBlocksUntilInterrupted() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (Goroutines g = new Goroutines()) {
            Thread t = g.go("null select", () -> {
                try {
                    Select.on().recv((RecvChan<Integer>) null, v -> { })
                            .send(null, 1, () -> { }).run();
                } catch (InterruptedException e) {
                    thrown.set(e);
                }
            });
            awaitParked(t);
            assertTrue(t.isAlive());
            t.interrupt();
        }
        assertTrue(thrown.get() instanceof InterruptedException);
    }

    @Test
    void rule_A8_selectOfOnlyNullCasesGivesUpWhenContextDone() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (CancelContext ctx = Context.background().withCancel();
                Goroutines g = new Goroutines()) {
            Thread t = g.go("null select", () -> {
                try {
                    Select.on().recv((RecvChan<Integer>) null, v -> { }).run(ctx);
                } catch (ContextCanceledException e) {
                    thrown.set(e);
                }
            });
            awaitParked(t);
            ctx.cancel();
        }
        assertTrue(thrown.get() instanceof ContextCanceledException);
    }

    // ------------------------------------------------------------------ A9

    @Test
    void rule_A9_channelAndSendValueAreEvaluatedOnceBeforeChoosing() throws Exception {
        AtomicInteger evaluations = new AtomicInteger();
        Chan<Integer> a = Chan.make(10);
        Chan<Integer> b = Chan.make(10);
        List<String> order = new ArrayList<>();
        Select sel = Select.on()
                .send(counted(order, "chan a", a, evaluations),
                        counted(order, "value a", 1, evaluations))
                .send(counted(order, "chan b", b, evaluations),
                        counted(order, "value b", 2, evaluations))
                .recv(counted(order, "chan b recv", (RecvChan<Integer>) b, evaluations), v -> { });
        assertEquals(5, evaluations.get(), "every case evaluated once when the select is built");
        assertEquals(List.of("chan a", "value a", "chan b", "value b", "chan b recv"), order);
        for (int i = 0; i < 6; i++) {
            sel.run();
        }
        assertEquals(5, evaluations.get(), "running the select evaluates nothing again");
        // The value fixed when the case was added is the one sent, whichever run sends it.
        int ones = 0;
        Received<Integer> r;
        while ((r = a.tryRecv()) != null) {
            assertEquals(1, r.value());
            ones++;
        }
        assertTrue(ones <= 6);
    }

    private static <T> T counted(List<String> order, String what, T v, AtomicInteger n) {
        order.add(what);
        n.incrementAndGet();
        return v;
    }

    // ------------------------------------------------------------------ A10

    @Test
    void rule_A10_choiceAmongReadyCasesIsUniform() throws Exception {
        int k = 4;
        int runs = 40_000;
        List<Chan<Integer>> chans = new ArrayList<>();
        Select sel = Select.on();
        int[] counts = new int[k];
        for (int i = 0; i < k; i++) {
            Chan<Integer> c = Chan.make(1);
            c.send(i);
            chans.add(c);
            int me = i;
            sel.recv(c, v -> {
                counts[me]++;
                chans.get(me).send(me); // keep every case ready
            });
        }
        for (int i = 0; i < runs; i++) {
            sel.run();
        }
        // Chi-square with 3 degrees of freedom; 50 has probability below 1e-10 for a fair
        // choice, while a choice biased by even 5% towards one case gives about 60.
        double expected = runs / (double) k;
        double chi2 = 0;
        for (int c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        assertTrue(chi2 < 50,
                "not uniform: " + java.util.Arrays.toString(counts) + " chi2=" + chi2);
    }

    @Test
    void rule_A10_closedChannelCountsAsReadyAndDefaultOnlyWhenNoneReady() throws Exception {
        Chan<Integer> closed = Chan.make();
        closed.close();
        Chan<Integer> ready = Chan.make(1);
        Chan<Integer> empty = Chan.make();
        int[] counts = new int[3];
        for (int i = 0; i < 4_000; i++) {
            ready.trySend(1);
            int c = Select.on().recvOk(closed, (v, ok) -> assertFalse(ok))
                    .recv(ready, v -> { })
                    .orElse(() -> { })
                    .run();
            counts[c]++;
        }
        assertEquals(0, counts[2], "default ran with ready cases");
        // Both ready cases are chosen about half the time each (binomial, 4000 draws: a
        // deviation of 400 is 12.6 sigma).
        assertTrue(Math.abs(counts[0] - 2_000) < 400, java.util.Arrays.toString(counts));
        for (int i = 0; i < 100; i++) {
            assertEquals(1, Select.on().recv(empty, v -> { }).orElse(() -> { }).run());
        }
    }

    // ------------------------------------------------------------------ A11

    @Test
    void rule_A11_noSpuriousDefaultWhileSomeCaseIsContinuouslyReady() throws Exception {
        // Go's TestNonblockSelectRace: the token moves from c1 to c2, so at every instant one of
        // them holds a value; a select over both with a default must never take the default.
        for (int i = 0; i < 5_000; i++) {
            Chan<Integer> c1 = Chan.make(1);
            Chan<Integer> c2 = Chan.make(1);
            c1.send(1);
            AtomicInteger chosen = new AtomicInteger(-1);
            try (Goroutines g = new Goroutines()) {
                g.go("selecter", () -> chosen.set(Select.on().recv(c1, v -> { })
                        .recv(c2, v -> { }).orElse(() -> { }).run()));
                c2.send(1);
                c1.tryRecv();
            }
            assertNotEquals(2, chosen.get(),
                    "default chosen while a case was ready (round " + i + ")");
        }
    }

    @Test
    void rule_A11_blockedSenderMakesReceiveCaseReady() throws Exception {
        Chan<Integer> ch = Chan.make();
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < 50; i++) {
                int v = i;
                Thread s = g.go("sender", () -> ch.send(v));
                awaitParkedOn(s, ch);
                AtomicInteger got = new AtomicInteger(-1);
                int c = Select.on().recv(ch, got::set).orElse(() -> { }).run();
                assertEquals(0, c, "default chosen while a sender waited");
                assertEquals(v, got.get());
                s.join();
            }
        }
    }

    // ------------------------------------------------------------------ A12

    @Test
    void rule_A12_sameChannelSendAndReceiveInOneSelectNeverPairsWithItself() throws Exception {
        Chan<Integer> ch = Chan.make();
        AtomicReference<String> outcome = new AtomicReference<>();
        try (Goroutines g = new Goroutines()) {
            Thread t = g.go("self select", () -> Select.on()
                    .send(ch, 1, () -> outcome.set("sent"))
                    .recv(ch, v -> outcome.set("received " + v))
                    .recv(ch, v -> outcome.set("received twice " + v))
                    .run());
            awaitParked(t);
            assertNull(outcome.get(), "the select paired with itself");
            assertEquals(1, ch.recv());
        }
        assertEquals("sent", outcome.get());
        try (Goroutines g = new Goroutines()) {
            Thread t = g.go("self select", () -> Select.on()
                    .send(ch, 1, () -> outcome.set("sent"))
                    .recv(ch, v -> outcome.set("received " + v))
                    .run());
            awaitParked(t);
            ch.send(9);
        }
        assertEquals("received 9", outcome.get());
    }

    @Test
    void rule_A12_sameChannelInSeveralReceiveCases() throws Exception {
        // Go's TestSelectDuplicateChannel: a select queued twice on c is woken through d; it
        // must leave c's queue intact, so a later send on c reaches the other receiver.
        Chan<Integer> c = Chan.make();
        Chan<Integer> d = Chan.make();
        Chan<Integer> e = Chan.make();
        try (Goroutines g = new Goroutines()) {
            Thread a = g.go("A", () -> {
                Select.on().recv(c, v -> { }).recv(c, v -> { }).recv(d, v -> { }).run();
                e.send(9);
            });
            awaitParked(a);
            AtomicInteger bGot = new AtomicInteger();
            Thread b = g.go("B", () -> bGot.set(c.recv()));
            awaitParkedOn(b, c);
            d.send(7);
            assertEquals(9, e.recv());
            c.send(8);
            b.join();
            assertEquals(8, bGot.get());
        }
    }

    // ------------------------------------------------------------------ A13

    @Test
    @DisplayName("A13: no receive on a SendChan, no send or close on a RecvChan (compile errors)")
    void rule_A13_directionalViewsAreCheckedAtCompileTime(@TempDir Path dir) throws IOException {
        java.util.Map<String, String> bad = java.util.Map.of(
                "RecvOnSend", "void f(SendChan<Integer> out) throws Exception { out.recv(); }",
                "RangeOnSend", "void f(SendChan<Integer> out) { for (int v : out) { } }",
                "SendOnRecv", "void f(RecvChan<Integer> in) throws Exception { in.send(1); }",
                "CloseOnRecv", "void f(RecvChan<Integer> in) { in.close(); }",
                "SelectRecvOnSend",
                "void f(SendChan<Integer> out) { Select.on().recv(out, v -> { }); }",
                "SelectSendOnRecv", "void f(RecvChan<Integer> in) { Select.on().send(in, 1); }");
        java.util.Map<String, String> all = new java.util.HashMap<>(bad);
        // The control: the same operations on the right views compile (one javac run for all).
        all.put("Ok", """
                void f(SendChan<Integer> out, RecvChan<Integer> in) throws Exception {
                    out.send(1); out.trySend(2); out.close(); in.recv(); in.recvOk(); in.tryRecv();
                    for (int v : in) { }
                    Select.on().recv(in, v -> { }).send(out, 1).run();
                }""");
        String errors = compile(dir, all);
        assertFalse(errors.contains("Ok.java"), "the control snippet must compile:\n" + errors);
        for (String name : bad.keySet()) {
            assertTrue(errors.contains(name + ".java:3: error"), name + " compiled:\n" + errors);
        }
        assertTrue(errors.contains("cannot find symbol"), errors);
        assertTrue(errors.contains("for-each not applicable"), errors);
    }

    /**
     * Compiles one class per entry (name to body) against the runtime's classes in one javac run
     * and returns javac's diagnostics ("" when everything compiled).
     */
    private static String compile(Path dir, java.util.Map<String, String> classes)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("-proc:none", "-d",
                dir.resolve("out").toString(), "-cp", runtimeClasses()));
        for (var e : classes.entrySet()) {
            Path src = dir.resolve(e.getKey() + ".java");
            Files.writeString(src, "import dev.weft.chan.*;\nclass " + e.getKey() + " {\n"
                    + e.getValue() + "\n}\n");
            args.add(src.toString());
        }
        // java.util.spi.ToolProvider (java.base) runs the JDK's javac in-process, as
        // javax.tools.ToolProvider.getSystemJavaCompiler() would, without the test code
        // needing the java.compiler module.
        var javac = java.util.spi.ToolProvider.findFirst("javac").orElseThrow();
        StringWriter err = new StringWriter();
        int rc = javac.run(new PrintWriter(err), new PrintWriter(err), args.toArray(String[]::new));
        return rc == 0 ? "" : err.toString();
    }

    private static String runtimeClasses() {
        try {
            return Path.of(Chan.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
