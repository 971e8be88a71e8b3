package dev.weft.chan;

import static dev.weft.chan.Goroutines.awaitParked;
import static dev.weft.chan.Goroutines.awaitParkedOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.context.CancelCauseContext;
import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import dev.weft.context.ContextCanceledException;
import dev.weft.context.ContextException;
import dev.weft.context.DeadlineExceededException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Giving up: context variants (send(ctx, v), recv(ctx), recvOk(ctx), Select.run(ctx)) and
 * interruption. Each gives up with the right exception and leaves no waiter behind: a later
 * operation on the channel pairs normally, never with the abandoned one.
 */
@Timeout(60)
class ChanCancelTest {

    /** An unbuffered channel, or a full buffered one, so that a send blocks. */
    private static Chan<Integer> blockingForSend(int capacity) throws InterruptedException {
        Chan<Integer> ch = Chan.make(capacity);
        for (int i = 0; i < capacity; i++) {
            ch.send(-1);
        }
        return ch;
    }

    /** The channel still works and nothing abandoned is in it. */
    private static void assertNoWaiterLeft(Chan<Integer> ch, int buffered) throws Exception {
        assertEquals(buffered, ch.len());
        for (int i = 0; i < buffered; i++) {
            assertEquals(-1, ch.recv());
        }
        assertNull(ch.tryRecv(), "an abandoned sender is still queued");
        if (ch.cap() == 0) {
            assertFalse(ch.trySend(5), "an abandoned receiver is still queued");
        }
        try (Goroutines g = new Goroutines()) {
            g.go("partner", () -> ch.send(77));
            assertEquals(77, ch.recv());
        }
    }

    // ------------------------------------------------------------------ context

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1})
    void sendWithContextGivesUpAtDeadline(int capacity) throws Exception {
        Chan<Integer> ch = blockingForSend(capacity);
        try (CancelContext ctx = Context.background().withTimeout(Duration.ofMillis(20))) {
            assertThrows(DeadlineExceededException.class, () -> ch.send(ctx, 1));
        }
        assertNoWaiterLeft(ch, capacity);
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1})
    void recvWithContextGivesUpWhenCancelled(int capacity) throws Exception {
        Chan<Integer> ch = Chan.make(capacity);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (CancelCauseContext ctx = Context.background().withCancelCause();
                Goroutines g = new Goroutines()) {
            Thread r = g.go("recv(ctx)", () -> {
                try {
                    ch.recv(ctx);
                } catch (ContextException e) {
                    thrown.set(e);
                }
            });
            awaitParked(r);
            ctx.cancel(new IllegalStateException("shutting down"));
        }
        assertTrue(thrown.get() instanceof ContextCanceledException, String.valueOf(thrown.get()));
        assertEquals("shutting down", thrown.get().getCause().getMessage(), "cause attached");
        assertNoWaiterLeft(ch, 0);
    }

    @Test
    void recvOkWithContextGivesUpAndOtherwiseSeesValuesAndClose() throws Exception {
        Chan<Integer> ch = Chan.make(1);
        try (CancelContext ctx = Context.background().withTimeout(Duration.ofMillis(20))) {
            assertThrows(DeadlineExceededException.class, () -> ch.recvOk(ctx));
        }
        assertNoWaiterLeft(ch, 0);
        try (CancelContext ctx = Context.background().withCancel()) {
            ch.send(3);
            assertEquals(new Received<>(3, true), ch.recvOk(ctx));
            ch.send(4);
            assertEquals(4, ch.recv(ctx));
            ch.close();
            assertEquals(Received.closed(), ch.recvOk(ctx));
            assertThrows(ChannelClosedException.class, () -> ch.recv(ctx));
        }
    }

    @Test
    void contextVariantsWithADoneContextThrowAtOnce() throws Exception {
        Chan<Integer> ch = Chan.make(1);
        ch.send(1);
        CancelContext ctx = Context.background().withCancel();
        ctx.cancel();
        // Weft checks the context first, even when the channel is ready.
        assertThrows(ContextCanceledException.class, () -> ch.send(ctx, 2));
        assertThrows(ContextCanceledException.class, () -> ch.recv(ctx));
        assertThrows(ContextCanceledException.class, () -> ch.recvOk(ctx));
        assertThrows(ContextCanceledException.class,
                () -> Select.on().recv(ch, v -> { }).run(ctx));
        assertEquals(1, ch.len(), "nothing was taken");
    }

    @Test
    void contextVariantsWithANeverDoneContextBehaveAsPlainOnes() throws Exception {
        Chan<Integer> ch = Chan.make();
        try (Goroutines g = new Goroutines()) {
            g.go("sender", () -> ch.send(Context.background(), 1));
            assertEquals(1, ch.recv(Context.todo()));
            g.go("receiver", () -> assertEquals(2, ch.recvOk(Context.background()).value()));
            ch.send(Context.background(), 2);
        }
        ch.close();
        assertThrows(ChannelClosedException.class, () -> ch.send(Context.background(), 3));
    }

    @Test
    void selectRunWithContextGivesUpAndLeavesNoWaiter() throws Exception {
        Chan<Integer> in = Chan.make();
        Chan<Integer> out = Chan.make();
        Select sel = Select.on().recv(in, v -> { }).send(out, 9);
        try (CancelContext ctx = Context.background().withTimeout(Duration.ofMillis(20))) {
            assertThrows(DeadlineExceededException.class, () -> sel.run(ctx));
        }
        assertNoWaiterLeft(in, 0);
        assertNoWaiterLeft(out, 0);
        // The same select runs again with a fresh context and works.
        try (CancelContext ctx = Context.background().withCancel();
                Goroutines g = new Goroutines()) {
            g.go("sender", () -> in.send(4));
            assertEquals(0, sel.run(ctx), "only the receive case has a partner");
        }
    }

    @Test
    void selectRunWithoutContextAfterRunWithContextIgnoresThatContext() throws Exception {
        Chan<Integer> ch = Chan.make(1);
        AtomicInteger handled = new AtomicInteger();
        Select sel = Select.on().recv(ch, v -> handled.incrementAndGet());
        CancelContext ctx = Context.background().withCancel();
        ch.send(1);
        assertEquals(0, sel.run(ctx));
        ctx.cancel();
        // run() takes no context: the earlier run's context must not fire, or throw.
        for (int i = 0; i < 50; i++) {
            ch.send(i);
            assertEquals(0, sel.run());
        }
        assertEquals(51, handled.get());
    }

    @Test
    void selectTimeoutCaseFiresAndLeavesNoWaiter() throws Exception {
        Chan<Integer> in = Chan.make();
        Chan<Integer> out = Chan.make(1);
        out.send(-1);
        AtomicInteger timeouts = new AtomicInteger();
        Select sel = Select.on().recv(in, v -> { }).send(out, 1)
                .after(Duration.ofMillis(5), timeouts::incrementAndGet);
        for (int i = 0; i < 3; i++) {
            assertEquals(2, sel.run(), "only the timeout can fire");
        }
        assertEquals(3, timeouts.get());
        assertNoWaiterLeft(in, 0);
        assertNoWaiterLeft(out, 1);
        // A zero timeout with nothing ready fires at once; a ready case wins over it.
        assertEquals(1, Select.on().recv(in, v -> { }).after(Duration.ZERO, () -> { }).run());
        out.send(3);
        assertEquals(0, Select.on().recv(out, v -> assertEquals(3, v))
                .after(Duration.ZERO, () -> { }).run());
    }

    // ------------------------------------------------------------------ interruption

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1})
    void interruptedSendThrowsAndLeavesNoWaiter(int capacity) throws Exception {
        Chan<Integer> ch = blockingForSend(capacity);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (Goroutines g = new Goroutines()) {
            Thread s = g.go("sender", () -> {
                try {
                    ch.send(1);
                } catch (InterruptedException e) {
                    thrown.set(e);
                }
            });
            awaitParkedOn(s, ch);
            s.interrupt();
        }
        assertTrue(thrown.get() instanceof InterruptedException);
        assertNoWaiterLeft(ch, capacity);
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1})
    void interruptedRecvThrowsAndLeavesNoWaiter(int capacity) throws Exception {
        Chan<Integer> ch = Chan.make(capacity);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (Goroutines g = new Goroutines()) {
            Thread r = g.go("receiver", () -> {
                try {
                    ch.recvOk();
                } catch (InterruptedException e) {
                    thrown.set(e);
                }
            });
            awaitParkedOn(r, ch);
            r.interrupt();
        }
        assertTrue(thrown.get() instanceof InterruptedException);
        if (capacity > 0) {
            assertTrue(ch.trySend(5));
            assertEquals(5, ch.recv(), "the value went to the buffer, not the gone receiver");
        }
        assertNoWaiterLeft(ch, 0);
    }

    @Test
    void interruptedSelectThrowsAndLeavesNoWaiter() throws Exception {
        Chan<Integer> in = Chan.make();
        Chan<Integer> out = Chan.make();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (Goroutines g = new Goroutines()) {
            Thread t = g.go("select", () -> {
                try {
                    Select.on().recv(in, v -> { }).send(out, 1)
                            .after(Duration.ofHours(1), () -> { }).run();
                } catch (InterruptedException e) {
                    thrown.set(e);
                }
            });
            awaitParked(t);
            t.interrupt();
        }
        assertTrue(thrown.get() instanceof InterruptedException);
        assertNoWaiterLeft(in, 0);
        assertNoWaiterLeft(out, 0);
    }

    @Test
    void interruptBeforeTheCallThrowsWithoutTakingAReadyValue() throws Exception {
        Chan<Integer> ch = Chan.make(1);
        ch.send(1);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, ch::recv);
        assertFalse(Thread.interrupted(), "InterruptedException clears the flag");
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> Select.on().recv(ch, v -> { }).run());
        assertEquals(1, ch.len(), "nothing was taken");
        Chan<Integer> empty = Chan.make(1);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> empty.send(1));
        assertEquals(0, empty.len(), "nothing was sent");
    }

    @Test
    void interruptDuringRangeThrowsUncheckedAndKeepsTheFlag() throws Exception {
        Chan<Integer> ch = Chan.make();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flag = new AtomicBoolean();
        try (Goroutines g = new Goroutines()) {
            Thread t = g.go("ranger", () -> {
                try {
                    for (int ignored : ch) {
                        throw new AssertionError("no value was sent");
                    }
                } catch (UncheckedInterruptedException e) {
                    thrown.set(e);
                    flag.set(Thread.currentThread().isInterrupted());
                }
            });
            awaitParkedOn(t, ch);
            t.interrupt();
        }
        assertTrue(thrown.get().getCause() instanceof InterruptedException);
        assertTrue(flag.get(), "the interrupt flag is set again");
        assertNoWaiterLeft(ch, 0);
    }

    /**
     * A receive and an interrupt race: either the value was delivered (recv returns it and the
     * interrupt flag stays set) or not (recv throws and the value is not taken); never a value
     * taken and lost.
     */
    private static final int ROUNDS = 500;

    @Test
    void operationCompletingAsTheInterruptComesKeepsItsResultAndTheFlag() throws Exception {
        int delivered = 0;
        int interrupted = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Chan<Integer> ch = Chan.make();
            AtomicReference<Integer> got = new AtomicReference<>();
            AtomicBoolean threw = new AtomicBoolean();
            AtomicBoolean interruptIssued = new AtomicBoolean();
            AtomicBoolean flagAfter = new AtomicBoolean();
            AtomicBoolean sent = new AtomicBoolean();
            int value = round;
            try (Goroutines g = new Goroutines()) {
                Thread r = g.go("receiver", () -> {
                    try {
                        got.set(ch.recv());
                    } catch (InterruptedException e) {
                        threw.set(true);
                    }
                    while (!interruptIssued.get()) {
                        Thread.yield(); // the flag may be set: park would not wait
                    }
                    flagAfter.set(Thread.interrupted());
                });
                awaitParkedOn(r, ch);
                g.go("sender", () -> sent.set(ch.trySend(value)));
                r.interrupt();
                interruptIssued.set(true);
            }
            if (got.get() != null) {
                delivered++;
                assertEquals(round, got.get());
                assertTrue(sent.get());
                assertTrue(flagAfter.get(), "interrupt lost after a completed receive");
            } else {
                interrupted++;
                assertTrue(threw.get());
                assertFalse(sent.get(),
                        "value taken by a receiver that gave up (round " + round + ")");
            }
        }
        assertEquals(ROUNDS, delivered + interrupted);
    }

    /**
     * The same race through an unbuffered channel's slot, where the partner takes the waiter's
     * node with a CAS on its state and the interrupted waiter claims its own node with another:
     * one of the two wins, and the value ends up with exactly one receiver. When the waiting
     * side is the receiver, a plain send (not trySend) meets it in the slot; when it is the
     * sender, a plain receive does. Whoever lost to the interrupt is completed afterwards by
     * this thread, so a value taken twice, or lost, shows up.
     */
    @ParameterizedTest(name = "waiting side: {0}")
    @ValueSource(strings = {"receiver", "sender"})
    void slotTakeRacingAnInterruptHandsTheValueToExactlyOneSide(String waiting)
            throws Exception {
        boolean receiverWaits = waiting.equals("receiver");
        for (int round = 0; round < ROUNDS; round++) {
            Chan<Integer> ch = Chan.make();
            AtomicReference<Integer> got = new AtomicReference<>();
            AtomicBoolean threw = new AtomicBoolean();
            AtomicBoolean partnerDone = new AtomicBoolean();
            int value = round;
            try (Goroutines g = new Goroutines()) {
                Thread w = g.go("waiter", () -> {
                    try {
                        if (receiverWaits) {
                            got.set(ch.recv());
                        } else {
                            ch.send(value);
                        }
                    } catch (InterruptedException e) {
                        threw.set(true);
                    }
                });
                awaitParkedOn(w, ch);
                assertTrue(ch.slot instanceof Node, "the lone waiter waits in the slot");
                int delay = ThreadLocalRandom.current().nextInt(20_000); // spread the race
                g.go("partner", () -> {
                    for (int i = delay; i > 0; i--) {
                        Thread.onSpinWait();
                    }
                    if (receiverWaits) {
                        ch.send(value);
                    } else {
                        got.set(ch.recv());
                    }
                    partnerDone.set(true);
                });
                w.interrupt();
                w.join();
                if (threw.get()) {
                    // The waiter gave up first, so the partner waits for someone else: meet it.
                    if (receiverWaits) {
                        assertEquals(value, ch.recv(), "the value the sender still offers");
                    } else {
                        ch.send(-value - 1);
                    }
                }
            }
            assertTrue(partnerDone.get());
            if (!threw.get()) {
                assertEquals(value, got.get(), "round " + round);
            } else if (!receiverWaits) {
                assertEquals(-value - 1, got.get(),
                        "a value from a sender that gave up (round " + round + ")");
            }
            assertNull(ch.tryRecv(), "a sender left waiting (round " + round + ")");
            assertFalse(ch.trySend(0), "a receiver left waiting (round " + round + ")");
        }
    }
}
