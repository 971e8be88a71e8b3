package dev.weft.samples.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.chan.Chan;
import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import dev.weft.context.ContextCanceledException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the loops the processor generated for {@link Loops}: real generated code against the real
 * runtime. Nothing here sleeps or depends on speed: every wait is on an event, bounded generously,
 * and where a timeout case must not fire, some other case is ready the whole time.
 */
@Timeout(60)
class SelectLoopsTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    /** Runs {@code body} in a virtual thread; {@link Loop#join} rethrows what it threw. */
    private static Loop start(ThrowingRunnable body) {
        Loop loop = new Loop();
        loop.thread = Thread.ofVirtual().name("select-loop").start(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                loop.failure.set(t);
            }
        });
        return loop;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static final class Loop {
        Thread thread;
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Throwable join() throws InterruptedException {
            assertTrue(thread.join(LONG), "the loop did not end");
            return failure.get();
        }
    }

    @Test
    void batcherFlushesOnSizeAndThePartialBatchWhenIdle() throws Exception {
        Chan<String> items = Chan.make(16);
        Chan<List<String>> batches = Chan.make();
        for (String s : "a b c d e f g".split(" ")) {
            items.send(s); // all queued first: the loop is never idle while items remain
        }
        class ByThree implements Loops.Batcher {
            List<String> pending = new ArrayList<>();
            final ArrayDeque<List<String>> ready = new ArrayDeque<>();
            boolean cancelled;
            public void item(String s) {
                pending.add(s);
                if (pending.size() == 3) flush();
            }
            public void idle() { if (!pending.isEmpty()) flush(); }
            void flush() { ready.add(pending); pending = new ArrayList<>(); }
            public List<String> batch() { return ready.peek(); }
            public void batchSent(List<String> batch) { assertEquals(ready.poll(), batch); }
            public void cancelled() { cancelled = true; }
        }
        ByThree handler = new ByThree();
        try (CancelContext ctx = Context.background().withCancel()) {
            Loop loop = start(() -> Loops_BatcherSelect.bind(items, batches).loop(ctx, handler));
            assertEquals(List.of("a", "b", "c"), batches.recv());
            assertEquals(List.of("d", "e", "f"), batches.recv());
            assertEquals(List.of("g"), batches.recv()); // only the timeout flushes a partial batch
            ctx.cancel();
            assertNull(loop.join());
        }
        assertTrue(handler.cancelled, "@Done runs when the context is done");
    }

    @Test
    @DisplayName("fan-in ends exactly when both inputs are closed (Go's set-to-nil idiom)")
    void fanInEndsExactlyWhenBothInputsClose() throws Exception {
        Chan<Integer> a = Chan.make();
        Chan<Integer> b = Chan.make();
        List<Integer> got = new ArrayList<>();
        Loops.Merge handler = new Loops.Merge() {
            public void a(Integer v) { got.add(v); }
            public void b(Integer v) { got.add(v); }
        };
        Loop loop = start(() -> Loops_MergeSelect.bind(a, b).loop(Context.background(), handler));
        for (int i = 0; i < 100; i++) a.send(i);
        a.close();
        for (int i = 100; i < 200; i++) b.send(i); // a is gone, the loop still serves b
        assertTrue(loop.thread.isAlive());
        b.close();
        assertNull(loop.join());
        assertEquals(200, got.size());
        assertEquals(199, got.get(199));
    }

    @Test
    void sendIsEnabledOnlyWhileTheQueueHoldsAValue() throws Exception {
        Chan<String> in = Chan.make();
        Chan<String> out = Chan.make();
        ArrayDeque<String> queue = new ArrayDeque<>();
        Loops.Relay handler = new Loops.Relay() {
            public void in(String s) { queue.add(s); }
            public String out() { return queue.peek(); }
            public void sent(String s) { assertEquals(queue.poll(), s); }
        };
        Loop loop = start(() -> Loops_RelaySelect.bind(in, out).loop(Context.background(), handler));
        // out() is asked every round: an empty queue disables the send, a new value enables it.
        for (int round = 0; round < 50; round++) {
            in.send("x" + round);
            in.send("y" + round);
            assertEquals("x" + round, out.recv());
            assertEquals("y" + round, out.recv());
        }
        in.close();
        assertNull(loop.join());
        assertTrue(queue.isEmpty());
    }

    @Test
    void timeoutFiresOnlyWhenIdle() throws Exception {
        Chan<Integer> beats = Chan.make(1000);
        for (int i = 0; i < 1000; i++) beats.send(i);
        int[] received = {0};
        int[] receivedWhenIdle = {-1};
        Loops.Watch handler = new Loops.Watch() {
            public void beat(int n) { received[0]++; }
            public boolean idle() {
                receivedWhenIdle[0] = received[0];
                return false;
            }
        };
        Loops_WatchSelect.bind(beats).loop(Context.background(), handler);
        assertEquals(1000, receivedWhenIdle[0], "the timeout fired while a value was ready");
    }

    @Test
    @DisplayName("A11: the default case never runs while a case is ready, even under load")
    void defaultRunsOnlyWhenNothingIsReady() throws Exception {
        Chan<Integer> in = Chan.make(64);
        int[] received = {0};
        int[] defaults = {0};
        CountDownLatch producerDone = new CountDownLatch(1);
        Thread producer = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < 10_000; i++) in.send(i);
                producerDone.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Loops.Poll handler = new Loops.Poll() {
            public void in(int n) { received[0]++; }
            public boolean empty() {
                defaults[0]++;
                // Ends only once everything has been sent and received.
                return !(producerDone.getCount() == 0 && received[0] == 10_000 && in.len() == 0);
            }
        };
        Loops_PollSelect.bind(in).loop(Context.background(), handler);
        producer.join();
        assertEquals(10_000, received[0]);
        assertTrue(defaults[0] >= 1);
        // With a value always ready, default never runs:
        for (int i = 0; i < 64; i++) in.send(i);
        defaults[0] = 0;
        for (int i = 0; i < 64; i++) {
            assertTrue(Loops_PollSelect.bind(in).once(Context.background(), handler));
        }
        assertEquals(0, defaults[0]);
    }

    @Test
    void cancellationEndsTheLoopWithTheContextsError() throws Exception {
        Chan<String> never = Chan.make();
        CancelContext ctx = Context.background().withCancel();
        CountDownLatch entered = new CountDownLatch(1);
        Loop loop = start(() -> {
            entered.countDown();
            Loops_WaitSelect.bind(never).loop(ctx, s -> {});
        });
        assertTrue(entered.await(30, TimeUnit.SECONDS));
        ctx.cancel();
        assertInstanceOf(ContextCanceledException.class, loop.join());
    }

    @Test
    void aLoopOverADoneContextDoesNotStart() throws Exception {
        CancelContext ctx = Context.background().withCancel();
        ctx.cancel();
        Chan<String> never = Chan.make();
        Throwable t = start(() -> Loops_WaitSelect.bind(never).loop(ctx, s -> {})).join();
        assertInstanceOf(ContextCanceledException.class, t);
    }

    @Test
    void aLoopWhoseReceiveChannelsAreAllNullEndsAtOnce() throws Exception {
        assertNull(start(() -> Loops_WaitSelect.bind(null).loop(Context.background(), s -> {})).join());
        assertFalse(Loops_WaitSelect.bind(null).once(Context.background(), s -> {}));
    }

    @Test
    void aHandlerTakingOkSeesTheCloseAndDecides() throws Exception {
        Chan<Integer> left = Chan.make();
        Chan<Integer> right = Chan.make(1);
        right.send(7);
        right.close();
        List<String> seen = new ArrayList<>();
        Loops.Pair handler = new Loops.Pair() {
            public boolean left(Integer v) { return true; }
            public boolean right(Integer v, boolean ok) {
                seen.add(v + "/" + ok);
                return ok; // stop at the close
            }
        };
        Loops_PairSelect.bind(left, right).loop(Context.background(), handler);
        assertEquals(List.of("7/true", "null/false"), seen);
    }

    @Test
    @DisplayName("A10: among ready cases a generated select chooses uniformly")
    void rule_A10_generatedSelectIsFair() throws Exception {
        int rounds = 10_000;
        Chan<Integer> left = Chan.make(rounds);
        Chan<Integer> right = Chan.make(rounds);
        for (int i = 0; i < rounds; i++) {
            left.send(i);
            right.send(i);
        }
        int[] counts = new int[2];
        Loops.Pair handler = new Loops.Pair() {
            public boolean left(Integer v) { return ++counts[0] + counts[1] < rounds; }
            public boolean right(Integer v, boolean ok) { return counts[0] + ++counts[1] < rounds; }
        };
        Loops_PairSelect.bind(left, right).loop(Context.background(), handler);
        assertEquals(rounds, counts[0] + counts[1]);
        // Binomial(10000, 1/2): sd 50; 4000..6000 is 20 sd away from failing by chance.
        assertTrue(counts[0] > 4_000 && counts[0] < 6_000, () -> "left chosen " + counts[0] + " of " + rounds);
    }
}
