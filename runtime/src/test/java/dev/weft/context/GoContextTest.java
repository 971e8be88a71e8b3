package dev.weft.context;

import static dev.weft.context.Probe.assertLive;
import static dev.weft.context.Probe.awaitDone;
import static dev.weft.context.Probe.isClosedNow;
import static dev.weft.context.Probe.onManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.chan.Chan;
import dev.weft.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What Go's context/x_test.go checks, rewritten for Weft. Timeouts run on a manual clock
 * where Go sleeps; waits on other threads are bounded by {@link Probe#PATIENCE}.
 */
class GoContextTest {
    static final Duration FOREVER = Duration.ofSeconds(1_000_000);

    @Test
    void testWithCancel() throws Exception {
        CancelContext c1 = Context.background().withCancel();
        assertEquals("Context.background().withCancel()", c1.toString());
        Context o = new Probe.Other(c1);
        CancelContext c2 = o.withCancel();
        for (Context c : List.of(c1, o, c2)) {
            assertNotNull(c.done());
            assertLive(c);
        }
        c1.cancel();
        assertTrue(isClosedNow(c1));
        assertTrue(isClosedNow(o));
        assertInstanceOf(ContextCanceledException.class, c1.err());
        assertSame(c1.err(), o.err());
        awaitDone(c2); // o's type is foreign: its child hears of the end from a watcher thread
        assertSame(c1.err(), c2.err());
        CancelContext c3 = new Probe.OtherWithAfterFunc(Context.background().withCancel()).withCancel();
        ((CancelContext) ((Probe.Other) ((CancelCtx) c3).parent).inner).cancel();
        awaitDone(c3); // through the foreign type's own afterFunc, in its own thread, as in Go
        assertInstanceOf(ContextCanceledException.class, c3.err());
    }

    @Test
    void testDeadline() throws Exception {
        ManualClock clock = new ManualClock();
        onManualClock(clock, () -> {
            Duration shortly = Duration.ofMillis(1);
            CancelContext c = Context.background().withDeadline(clock.now().plus(shortly));
            assertTrue(c.toString().startsWith("Context.background().withDeadline("), c.toString());
            Context o = new Probe.Other(Context.background().withDeadline(clock.now().plus(shortly)));
            CancelContext overForeign = new Probe.Other(
                    Context.background().withDeadline(clock.now().plus(shortly)))
                    .withDeadline(clock.now().plus(FOREVER));
            CancelContext past = Context.background().withDeadline(clock.now().minus(shortly));
            CancelContext now = Context.background().withDeadline(clock.now());
            assertTrue(isClosedNow(past));
            assertTrue(isClosedNow(now));
            clock.advance(shortly);
            for (Context x : List.of(c, o, overForeign, past, now)) {
                awaitDone(x);
                assertInstanceOf(DeadlineExceededException.class, x.err(), x.toString());
            }
        });
    }

    @Test
    void testTimeout() throws Exception {
        ManualClock clock = new ManualClock();
        onManualClock(clock, () -> {
            Duration shortly = Duration.ofMillis(1);
            CancelContext c = Context.background().withTimeout(shortly);
            assertTrue(c.toString().startsWith("Context.background().withDeadline("), c.toString());
            Context o = new Probe.Other(Context.background().withTimeout(shortly));
            CancelContext overForeign = new Probe.Other(Context.background().withTimeout(shortly))
                    .withTimeout(FOREVER);
            assertEquals(clock.now().plus(shortly), overForeign.deadline().orElseThrow(),
                    "the foreign parent's deadline is earlier");
            clock.advance(shortly);
            for (Context x : List.of(c, o, overForeign)) {
                awaitDone(x);
                assertInstanceOf(DeadlineExceededException.class, x.err(), x.toString());
            }
        });
    }

    @Test
    void testCanceledTimeout() throws Exception {
        ManualClock clock = new ManualClock();
        onManualClock(clock, () -> {
            Context o = new Probe.Other(Context.background().withTimeout(Duration.ofSeconds(1)));
            CancelContext c = o.withTimeout(FOREVER);
            c.cancel();
            assertTrue(isClosedNow(c));
            assertInstanceOf(ContextCanceledException.class, c.err());
        });
    }

    @Test
    void testValues() {
        Key<String> k1 = Key.of("k1");
        Key<String> k2 = Key.of("k1"); // same name, different key
        Key<String> k3 = Key.of("k3");
        record Want(String v1, String v2, String v3) {}
        var check = (java.util.function.BiConsumer<Context, Want>) (c, w) -> {
            assertEquals(w.v1, c.value(k1), c + " k1");
            assertEquals(w.v2, c.value(k2), c + " k2");
            assertEquals(w.v3, c.value(k3), c + " k3");
        };
        Context c0 = Context.background();
        check.accept(c0, new Want(null, null, null));
        Context c1 = c0.withValue(k1, "c1k1");
        check.accept(c1, new Want("c1k1", null, null));
        assertEquals("Context.background().withValue(Key(k1), c1k1)", c1.toString());
        Context c2 = c1.withValue(k2, "c2k2");
        check.accept(c2, new Want("c1k1", "c2k2", null));
        Context c3 = c2.withValue(k3, "c3k3");
        check.accept(c3, new Want("c1k1", "c2k2", "c3k3"));
        Context c4 = c3.withValue(k1, null);
        check.accept(c4, new Want(null, "c2k2", "c3k3"));
        assertTrue(c4.toString().endsWith(".withValue(Key(k1), null)"), c4.toString());

        check.accept(new Probe.Other(Context.background()), new Want(null, null, null));
        Context o1 = new Probe.Other(Context.background().withValue(k1, "c1k1"));
        check.accept(o1, new Want("c1k1", null, null));
        check.accept(o1.withValue(k2, "o2k2"), new Want("c1k1", "o2k2", null));
        Context o3 = new Probe.Other(c4);
        check.accept(o3, new Want(null, "c2k2", "c3k3"));
        check.accept(o3.withValue(k3, null), new Want(null, "c2k2", null));
    }

    @Test
    void testSimultaneousCancels() throws Exception {
        CancelContext root = Context.background().withCancel();
        List<CancelContext> all = new ArrayList<>(List.of(root));
        for (int i = 0; all.size() < 100; i++) {
            CancelContext parent = all.get(i);
            for (int j = 0; j < 4; j++) {
                all.add(parent.withCancel());
            }
        }
        List<CancelContext> shuffled = new ArrayList<>(all);
        java.util.Collections.shuffle(shuffled);
        List<Thread> cancellers = new ArrayList<>();
        for (CancelContext c : shuffled) {
            cancellers.add(Thread.ofVirtual().start(c::cancel));
        }
        java.util.Collections.shuffle(shuffled);
        for (CancelContext c : shuffled) {
            awaitDone(c);
        }
        for (Thread t : cancellers) {
            assertTrue(t.join(Probe.PATIENCE), "a cancel got stuck");
        }
    }

    @Test
    void testInterlockedCancels() throws Exception {
        CancelContext parent = Context.background().withCancel();
        CancelContext child = parent.withCancel();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                parent.done().recvOk();
                child.cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        parent.cancel();
        awaitDone(child);
        assertTrue(t.join(Probe.PATIENCE));
    }

    @Test
    void testLayersCancel() throws Exception {
        long seed = System.nanoTime();
        layers(seed, false);
    }

    @Test
    void testLayersTimeout() throws Exception {
        long seed = System.nanoTime();
        layers(seed, true);
    }

    private static void layers(long seed, boolean timeout) throws Exception {
        ManualClock clock = new ManualClock();
        onManualClock(clock, () -> {
            Random r = new Random(seed);
            String at = "seed=" + seed + ": ";
            List<Key<Object>> keys = new ArrayList<>();
            List<CancelContext> cancels = new ArrayList<>();
            int timers = 0;
            Context ctx = Context.background();
            for (int i = 0; i < 30 || timers == 0 || cancels.isEmpty() || keys.isEmpty(); i++) {
                switch (r.nextInt(3)) {
                    case 0 -> {
                        Key<Object> k = Key.of("k" + i);
                        ctx = ctx.withValue(k, k);
                        keys.add(k);
                    }
                    case 1 -> {
                        CancelContext c = ctx.withCancel();
                        cancels.add(c);
                        ctx = c;
                    }
                    default -> {
                        CancelContext c = ctx.withTimeout(timeout ? Duration.ofMillis(1) : FOREVER);
                        cancels.add(c);
                        ctx = c;
                        timers++;
                    }
                }
            }
            Context last = ctx;
            Runnable checkValues = () -> keys.forEach(k -> assertSame(k, last.value(k), at + k));
            assertTrue(last.toString().startsWith("Context.background()."), last.toString());
            checkValues.run();
            if (timeout) {
                clock.advance(Duration.ofMillis(1));
                assertTrue(isClosedNow(last), at + "should have timed out");
                assertInstanceOf(DeadlineExceededException.class, last.err(), at);
            } else {
                assertLive(last);
                cancels.get(r.nextInt(cancels.size())).cancel();
                assertTrue(isClosedNow(last), at + "should be cancelled");
            }
            checkValues.run();
        });
    }

    @Test
    void testCancelRemoves() {
        CancelContext parent = Context.background().withCancel();
        CancelCtx p = (CancelCtx) parent;
        assertEquals(0, p.childCount());
        CancelContext c = parent.withCancel();
        assertEquals(1, p.childCount());
        c.cancel();
        assertEquals(0, p.childCount());
        CancelContext t = parent.withTimeout(FOREVER);
        assertEquals(1, p.childCount());
        t.cancel();
        assertEquals(0, p.childCount());
        AfterFunc af = parent.afterFunc(() -> { });
        assertEquals(1, p.childCount());
        af.stop();
        assertEquals(0, p.childCount());
    }

    @Test
    void testWithCancelCanceledParent() {
        CancelCauseContext parent = Context.background().withCancelCause();
        RuntimeException because = new RuntimeException("Because!");
        parent.cancel(because);
        CancelContext c = parent.withCancel();
        assertTrue(isClosedNow(c), "child not done immediately upon construction");
        assertInstanceOf(ContextCanceledException.class, c.err());
        assertSame(because, c.cause());
    }

    @Test
    void testWithCancelSimultaneouslyCanceledParent() throws Exception {
        for (int i = 0; i < 100; i++) {
            CancelCauseContext parent = Context.background().withCancelCause();
            RuntimeException because = new RuntimeException("Because!");
            Thread t = Thread.ofVirtual().start(() -> parent.cancel(because));
            CancelContext c = parent.withCancel();
            c.done().recvOk();
            assertInstanceOf(ContextCanceledException.class, c.err());
            assertSame(because, c.cause());
            t.join();
        }
    }

    /** Go's customContext: a foreign type that ends with its parent (through afterFunc) or its own cancel. */
    static final class Custom implements Context {
        final Context parent;
        final Chan<Void> done = Chan.make();
        volatile ContextException err;

        Custom(Context parent) {
            this.parent = parent;
            parent.afterFunc(() -> end(parent.err()));
        }

        synchronized void end(ContextException e) {
            if (err == null) {
                done.close();
                err = e;
            }
        }

        void cancel() {
            end(new ContextCanceledException(null));
        }

        @Override
        public dev.weft.chan.RecvChan<Void> done() {
            return done;
        }

        @Override
        public ContextException err() {
            return err;
        }

        @Override
        public Throwable cause() {
            // As Go's context.Cause on a custom type: the nearest cancellable ancestor's cause,
            // else the error.
            if (err == null) {
                return null;
            }
            Throwable c = parent.cause();
            return c != null ? c : err;
        }

        @Override
        public Optional<Instant> deadline() {
            return parent.deadline();
        }

        @Override
        public <T> T value(Key<T> key) {
            return parent.value(key);
        }
    }

    /** The whole table of Go's TestCause: how err and cause come out of each construction. */
    @TestFactory
    Stream<DynamicTest> testCause() {
        RuntimeException parentCause = new RuntimeException("parentCause");
        RuntimeException childCause = new RuntimeException("childCause");
        RuntimeException tooSlow = new RuntimeException("tooSlow");
        RuntimeException finishedEarly = new RuntimeException("finishedEarly");
        Class<ContextCanceledException> canceled = ContextCanceledException.class;
        Class<DeadlineExceededException> deadline = DeadlineExceededException.class;
        // cause: a Throwable, or the marker ERR meaning "the context's own err()".
        Object err = new Object();
        record Row(String name, Supplier<Context> ctx, Class<?> err, Object cause) {}
        List<Row> table = List.of(
                new Row("Background", Context::background, null, null),
                new Row("TODO", Context::todo, null, null),
                new Row("WithCancel", () -> {
                    CancelContext c = Context.background().withCancel();
                    c.cancel();
                    return c;
                }, canceled, err),
                new Row("WithCancelCause", () -> {
                    CancelCauseContext c = Context.background().withCancelCause();
                    c.cancel(parentCause);
                    return c;
                }, canceled, parentCause),
                new Row("WithCancelCause nil", () -> {
                    CancelCauseContext c = Context.background().withCancelCause();
                    c.cancel(null);
                    return c;
                }, canceled, err),
                new Row("WithCancelCause: parent cause before child", () -> {
                    CancelCauseContext p = Context.background().withCancelCause();
                    CancelCauseContext c = p.withCancelCause();
                    p.cancel(parentCause);
                    c.cancel(childCause);
                    return c;
                }, canceled, parentCause),
                new Row("WithCancelCause: parent cause after child", () -> {
                    CancelCauseContext p = Context.background().withCancelCause();
                    CancelCauseContext c = p.withCancelCause();
                    c.cancel(childCause);
                    p.cancel(parentCause);
                    return c;
                }, canceled, childCause),
                new Row("WithCancelCause: parent cause before nil", () -> {
                    CancelCauseContext p = Context.background().withCancelCause();
                    CancelContext c = p.withCancel();
                    p.cancel(parentCause);
                    c.cancel();
                    return c;
                }, canceled, parentCause),
                new Row("WithCancelCause: parent cause after nil", () -> {
                    CancelCauseContext p = Context.background().withCancelCause();
                    CancelContext c = p.withCancel();
                    c.cancel();
                    p.cancel(parentCause);
                    return c;
                }, canceled, err),
                new Row("WithCancelCause: child cause after nil", () -> {
                    CancelContext p = Context.background().withCancel();
                    CancelCauseContext c = p.withCancelCause();
                    p.cancel();
                    c.cancel(childCause);
                    return c;
                }, canceled, err),
                new Row("WithCancelCause: child cause before nil", () -> {
                    CancelContext p = Context.background().withCancel();
                    CancelCauseContext c = p.withCancelCause();
                    c.cancel(childCause);
                    p.cancel();
                    return c;
                }, canceled, childCause),
                new Row("WithTimeout", () -> {
                    CancelContext c = Context.background().withTimeout(Duration.ZERO);
                    c.cancel();
                    return c;
                }, deadline, err),
                new Row("WithTimeout canceled", () -> {
                    CancelContext c = Context.background().withTimeout(FOREVER);
                    c.cancel();
                    return c;
                }, canceled, err),
                new Row("WithTimeoutCause", () -> {
                    CancelContext c = Context.background().withTimeoutCause(Duration.ZERO, tooSlow);
                    c.cancel();
                    return c;
                }, deadline, tooSlow),
                new Row("WithTimeoutCause canceled", () -> {
                    CancelContext c = Context.background().withTimeoutCause(FOREVER, tooSlow);
                    c.cancel();
                    return c;
                }, canceled, err),
                new Row("WithTimeoutCause stacked", () -> {
                    CancelCauseContext p = Context.background().withCancelCause();
                    CancelContext c = p.withTimeoutCause(Duration.ZERO, tooSlow);
                    p.cancel(finishedEarly);
                    return c;
                }, deadline, tooSlow),
                new Row("WithTimeoutCause stacked canceled", () -> {
                    CancelCauseContext p = Context.background().withCancelCause();
                    CancelContext c = p.withTimeoutCause(FOREVER, tooSlow);
                    p.cancel(finishedEarly);
                    return c;
                }, canceled, finishedEarly),
                new Row("WithoutCancel", () -> Context.background().withoutCancel(), null, null),
                new Row("WithoutCancel canceled", () -> {
                    CancelCauseContext p = Context.background().withCancelCause();
                    Context c = p.withoutCancel();
                    p.cancel(finishedEarly);
                    return c;
                }, null, null),
                new Row("WithoutCancel timeout", () -> {
                    CancelContext p = Context.background().withTimeoutCause(Duration.ZERO, tooSlow);
                    Context c = p.withoutCancel();
                    p.cancel();
                    return c;
                }, null, null),
                new Row("parent of custom context not canceled", () -> {
                    CancelCauseContext p = Context.background().withCancelCause();
                    Custom c = new Custom(p);
                    c.cancel();
                    return c;
                }, canceled, err),
                new Row("parent of custom context is canceled before", () -> {
                    CancelCauseContext p = Context.background().withCancelCause();
                    Custom c = new Custom(p);
                    p.cancel(parentCause);
                    awaitQuietly(c);
                    c.cancel();
                    return c;
                }, canceled, parentCause),
                new Row("parent of custom context is canceled after", () -> {
                    CancelCauseContext p = Context.background().withCancelCause();
                    Custom c = new Custom(p);
                    c.cancel();
                    p.cancel(parentCause);
                    // As in Go, a custom type cannot tell which came first: the parent's cause.
                    return c;
                }, canceled, parentCause));
        return table.stream().map(row -> DynamicTest.dynamicTest(row.name, () -> {
            Context ctx = row.ctx.get();
            if (row.err == null) {
                assertNull(ctx.err(), "err");
                assertNull(ctx.cause(), "cause");
                return;
            }
            assertInstanceOf(row.err, ctx.err(), "err");
            assertSame(row.cause == err ? ctx.err() : row.cause, ctx.cause(), "cause");
        }));
    }

    private static void awaitQuietly(Context c) {
        try {
            awaitDone(c);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void testCauseRace() throws Exception {
        CancelCauseContext ctx = Context.background().withCancelCause();
        RuntimeException cause = new RuntimeException("TestCauseRace");
        Thread t = Thread.ofVirtual().start(() -> ctx.cancel(cause));
        Throwable seen;
        while ((seen = ctx.cause()) == null) {
            Thread.yield();
        }
        assertSame(cause, seen);
        t.join();
    }

    @Test
    void testWithoutCancel() {
        Key<String> key = Key.of("key");
        Context ctx = Context.background().withValue(key, "value").withoutCancel();
        assertEquals(Optional.empty(), ctx.deadline());
        assertNull(ctx.done());
        assertNull(ctx.err());
        assertEquals("value", ctx.value(key));
    }

    @Test
    void testCustomContextPropagation() throws Exception {
        RuntimeException cause = new RuntimeException("TestCustomContextPropagation");
        CancelCauseContext ctx1 = Context.background().withCancelCause();
        Chan<Void> donec = Chan.make();
        Context ctx2 = new Probe.Other(ctx1) {
            @Override
            public dev.weft.chan.RecvChan<Void> done() {
                return donec;
            }
        };
        try (CancelContext ctx3 = ctx2.withCancel()) {
            ctx1.cancel(cause);
            donec.close();
            awaitDone(ctx3);
            assertInstanceOf(ContextCanceledException.class, ctx3.err());
            assertSame(cause, ctx3.cause());
        }
    }

    @Test
    void testAfterFuncCalledAfterCancel() throws Exception {
        CancelContext ctx = Context.background().withCancel();
        CountDownLatch ran = new CountDownLatch(1);
        AfterFunc stop = ctx.afterFunc(ran::countDown);
        assertEquals(1, ran.getCount(), "AfterFunc called before context is done");
        ctx.cancel();
        assertTrue(ran.await(20, TimeUnit.SECONDS), "AfterFunc not called after cancel");
        assertFalse(stop.stop());
    }

    @Test
    void testAfterFuncCalledAfterTimeout() throws Exception {
        ManualClock clock = new ManualClock();
        onManualClock(clock, () -> {
            try (CancelContext ctx = Context.background().withTimeout(Duration.ofMillis(1))) {
                CountDownLatch ran = new CountDownLatch(1);
                ctx.afterFunc(ran::countDown);
                clock.advance(Duration.ofMillis(1));
                assertTrue(ran.await(20, TimeUnit.SECONDS), "AfterFunc not called after timeout");
            }
        });
    }

    @Test
    void testAfterFuncCalledImmediately() throws Exception {
        CancelContext ctx = Context.background().withCancel();
        ctx.cancel();
        CountDownLatch ran = new CountDownLatch(1);
        ctx.afterFunc(ran::countDown);
        assertTrue(ran.await(20, TimeUnit.SECONDS), "AfterFunc not called for a done context");
    }

    @Test
    void testAfterFuncNotCalledAfterStop() throws Exception {
        CancelContext ctx = Context.background().withCancel();
        CountDownLatch ran = new CountDownLatch(1);
        AfterFunc stop = ctx.afterFunc(ran::countDown);
        assertTrue(stop.stop());
        ctx.cancel();
        assertFalse(ran.await(20, TimeUnit.MILLISECONDS), "AfterFunc called after stop");
        assertFalse(stop.stop());
    }

    @Test
    void testAfterFuncCalledAsynchronously() throws Exception {
        CancelContext ctx = Context.background().withCancel();
        Chan<String> donec = Chan.make();
        AfterFunc stop = ctx.afterFunc(() -> {
            try {
                donec.send("called");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            ctx.cancel();
            assertEquals("called", donec.recv());
        } finally {
            stop.stop();
        }
    }

    @Test
    void testAfterFuncOnForeignContext() throws Exception {
        CancelContext inner = Context.background().withCancel();
        Context foreign = new Probe.Other(inner);
        CountDownLatch ran = new CountDownLatch(1);
        AfterFunc stopped = foreign.afterFunc(() -> { throw new AssertionError("stopped"); });
        foreign.afterFunc(ran::countDown);
        assertTrue(stopped.stop());
        inner.cancel();
        assertTrue(ran.await(20, TimeUnit.SECONDS));
        assertFalse(stopped.stop());
    }
}
