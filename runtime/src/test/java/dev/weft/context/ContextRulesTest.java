package dev.weft.context;

import static dev.weft.context.Probe.assertLive;
import static dev.weft.context.Probe.awaitDone;
import static dev.weft.context.Probe.isClosedNow;
import static dev.weft.context.Probe.onManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.chan.Chan;
import dev.weft.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Rules B1–B8 of the design, one or more tests each, plus bad input and leaks. */
class ContextRulesTest {
    static final Key<String> USER = Key.of("user");
    static final Key<String> TRACE = Key.of("trace");

    @Test
    void rule_B1_backgroundAndTodoAreNeverDoneAndEmpty() {
        for (Context c : List.of(Context.background(), Context.todo())) {
            assertNull(c.done());
            assertNull(c.err());
            assertNull(c.cause());
            assertEquals(Optional.empty(), c.deadline());
            assertNull(c.value(USER));
            assertFalse(c.isDone());
            c.throwIfDone();
            assertTrue(c.afterFunc(() -> { }).stop(), "a never-done context never runs f");
        }
        assertEquals("Context.background()", Context.background().toString());
        assertEquals("Context.todo()", Context.todo().toString());
    }

    @Test
    void rule_B2_doneIsOneChannelClosedOnceAndErrNeverChanges() {
        CancelContext ctx = Context.background().withCancel();
        assertSame(ctx.done(), ctx.done());
        assertNull(ctx.err());
        assertFalse(isClosedNow(ctx));
        var before = ctx.done();
        ctx.cancel();
        assertSame(before, ctx.done(), "same channel after cancel");
        assertTrue(isClosedNow(ctx));
        ContextException err = ctx.err();
        assertInstanceOf(ContextCanceledException.class, err);
        assertEquals("context canceled", err.getMessage());
        ctx.cancel();
        assertSame(err, ctx.err(), "err never changes");
        assertThrows(ContextCanceledException.class, ctx::throwIfDone);
    }

    @Test
    void rule_B2_doneRequestedOnlyAfterCancelIsClosed() {
        CancelContext ctx = Context.background().withCancel();
        ctx.cancel();
        assertTrue(isClosedNow(ctx));
        assertSame(ctx.done(), ctx.done());
    }

    @Test
    void rule_B2_errSeenImpliesDoneClosed() throws Exception {
        // Go issue 75533: err() non-null while done() is still open was a bug.
        for (int i = 0; i < 200; i++) {
            CancelContext ctx = Context.background().withCancel();
            var done = ctx.done();
            Thread t = Thread.ofVirtual().start(ctx::cancel);
            while (ctx.err() == null) {
                Thread.onSpinWait();
            }
            assertTrue(Probe.closed(done), "err set but done open");
            t.join();
        }
    }

    @Test
    void rule_B3_cancelReachesEveryDescendantBeforeReturning() {
        CancelContext root = Context.background().withCancel();
        List<Context> all = new ArrayList<>();
        List<Context> level = List.of(root);
        for (int depth = 0; depth < 4; depth++) {
            List<Context> next = new ArrayList<>();
            for (Context p : level) {
                next.add(p.withCancel());
                next.add(p.withValue(USER, "u").withCancelCause());
                next.add(p.withTimeout(Duration.ofHours(1)));
            }
            all.addAll(next);
            level = next;
        }
        root.cancel();
        for (Context c : all) {
            assertTrue(isClosedNow(c), "not done at once: " + c);
            assertSame(root.err(), c.err(), "children share the parent's error");
            assertSame(root.err(), c.cause());
        }
    }

    @Test
    void rule_B3_cancelIsIdempotentAndChildCancelLeavesParentAlone() {
        CancelContext parent = Context.background().withCancel();
        CancelContext child = parent.withCancel();
        CancelContext sibling = parent.withCancel();
        child.cancel();
        child.cancel();
        child.close();
        assertTrue(isClosedNow(child));
        assertLive(parent);
        assertLive(sibling);
        parent.cancel();
        assertTrue(isClosedNow(sibling));
    }

    @Test
    void rule_B3_childOfDoneParentIsBornDoneWithItsErrorAndCause() {
        CancelCauseContext parent = Context.background().withCancelCause();
        IllegalStateException why = new IllegalStateException("why");
        parent.cancel(why);
        for (Context child : List.of(parent.withCancel(), parent.withCancelCause(),
                parent.withTimeout(Duration.ofHours(1)), parent.withValue(USER, "x").withCancel(),
                parent.withTimeoutCause(Duration.ZERO, new RuntimeException("late")))) {
            assertTrue(isClosedNow(child), "born done: " + child);
            assertSame(parent.err(), child.err());
            assertSame(why, child.cause());
        }
    }

    @Test
    void rule_B3_cancelNeverBlocksOnAfterFuncs() throws Exception {
        CancelContext ctx = Context.background().withCancel();
        Chan<String> unbuffered = Chan.make();
        ctx.afterFunc(() -> {
            try {
                unbuffered.send("ran"); // blocks until the test receives, after cancel returned
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ctx.cancel();
        assertEquals("ran", unbuffered.recv());
    }

    @Test
    void rule_B3_deepChainCancelsWithoutRecursion() {
        CancelContext root = Context.background().withCancel();
        Context c = root;
        for (int i = 0; i < 200_000; i++) {
            c = c.withCancel();
        }
        assertNull(c.value(USER), "value lookup walks the chain without recursion");
        assertEquals(Optional.empty(), c.deadline());
        root.cancel();
        assertTrue(isClosedNow(c));
        assertSame(root.err(), c.err());
    }

    @Test
    void rule_B4_laterDeadlineThanParentsIsTheParents() throws Exception {
        ManualClock clock = new ManualClock();
        onManualClock(clock, () -> {
            CancelContext parent = Context.background().withTimeout(Duration.ofSeconds(10));
            Instant pd = parent.deadline().orElseThrow();
            assertEquals(clock.now().plusSeconds(10), pd);
            CancelContext later = parent.withTimeout(Duration.ofSeconds(60));
            CancelContext laterAbs = parent.withDeadline(pd.plusSeconds(1));
            CancelContext earlier = parent.withTimeout(Duration.ofSeconds(5));
            assertEquals(Optional.of(pd), later.deadline());
            assertEquals(Optional.of(pd), laterAbs.deadline());
            assertEquals(Optional.of(pd.minusSeconds(5)), earlier.deadline());
            assertEquals(Optional.of(pd), parent.withValue(USER, "u").deadline());
            clock.advance(Duration.ofSeconds(5));
            assertInstanceOf(DeadlineExceededException.class, earlier.err());
            assertLive(later);
            clock.advance(Duration.ofSeconds(5));
            assertInstanceOf(DeadlineExceededException.class, later.err());
            assertSame(parent.err(), later.err());
            assertEquals(0, clock.pending(), "every timer left the clock");
        });
    }

    @Test
    void rule_B4_pastOrPresentDeadlineIsBornDone() throws Exception {
        ManualClock clock = new ManualClock();
        onManualClock(clock, () -> {
            for (CancelContext c : List.of(
                    Context.background().withDeadline(clock.now().minusSeconds(1)),
                    Context.background().withDeadline(clock.now()),
                    Context.background().withTimeout(Duration.ZERO),
                    Context.background().withTimeout(Duration.ofSeconds(-3)))) {
                assertTrue(isClosedNow(c), "born done: " + c);
                assertInstanceOf(DeadlineExceededException.class, c.err());
                assertEquals("context deadline exceeded", c.err().getMessage());
                assertSame(c.err(), c.cause());
            }
            assertEquals(0, clock.pending());
        });
    }

    @Test
    void rule_B4_hugeTimeoutsSaturate() {
        try (CancelContext c = Context.background().withTimeout(Duration.ofSeconds(Long.MAX_VALUE))) {
            assertEquals(Optional.of(Instant.MAX), c.deadline());
            assertLive(c);
        }
    }

    @Test
    void rule_B5_causeNullUntilDoneThenErrWhenNoneGiven() {
        CancelCauseContext c = Context.background().withCancelCause();
        assertNull(c.cause());
        c.cancel(null);
        assertSame(c.err(), c.cause());
    }

    @Test
    void rule_B5_firstCancellationFixesTheCause() {
        CancelCauseContext c = Context.background().withCancelCause();
        RuntimeException first = new RuntimeException("first");
        c.cancel(first);
        c.cancel(new RuntimeException("second"));
        c.cancel();
        assertSame(first, c.cause());
    }

    @Test
    void rule_B5_timeoutCauseOnlyOnExpiry() throws Exception {
        ManualClock clock = new ManualClock();
        RuntimeException tooSlow = new RuntimeException("tooSlow");
        onManualClock(clock, () -> {
            CancelContext expires = Context.background().withTimeoutCause(Duration.ofSeconds(1), tooSlow);
            CancelContext cancelled = Context.background().withTimeoutCause(Duration.ofSeconds(1), tooSlow);
            CancelContext absolute = Context.background()
                    .withDeadlineCause(clock.now().plusSeconds(1), tooSlow);
            cancelled.cancel();
            clock.advance(Duration.ofSeconds(1));
            Probe.assertEnded(expires, DeadlineExceededException.class, tooSlow);
            Probe.assertEnded(absolute, DeadlineExceededException.class, tooSlow);
            Probe.assertEnded(cancelled, ContextCanceledException.class, cancelled.err());
        });
    }

    @Test
    void rule_B6_innermostValueWinsAndNullKeysAreRejected() {
        Context c = Context.background().withValue(USER, "outer").withValue(TRACE, "t1")
                .withCancel().withValue(USER, "inner");
        assertEquals("inner", c.value(USER));
        assertEquals("t1", c.value(TRACE));
        assertNull(c.withValue(USER, null).value(USER), "a null value shadows");
        assertNull(c.value(Key.of("user")), "keys compare by identity, not name");
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> c.withValue(null, "v"));
        assertTrue(e.getMessage().contains("key"));
        assertThrows(NullPointerException.class, () -> c.value(null));
        assertThrows(NullPointerException.class, () -> Context.background().value(null));
        assertThrows(NullPointerException.class, () -> Key.of(null));
    }

    @Test
    void rule_B7_withoutCancelKeepsValuesDropsTheRest() {
        CancelCauseContext parent = Context.background().withValue(USER, "u")
                .withTimeout(Duration.ofHours(1)).withCancelCause();
        Context detached = parent.withoutCancel();
        parent.cancel(new RuntimeException("gone"));
        assertNull(detached.done());
        assertNull(detached.err());
        assertNull(detached.cause());
        assertEquals(Optional.empty(), detached.deadline());
        assertEquals("u", detached.value(USER));
        CancelContext child = detached.withCancel();
        assertLive(child);
        assertEquals("u", child.value(USER));
        child.cancel();
    }

    @Test
    void rule_B8_afterFuncRunsInItsOwnThreadOnceDone() throws Exception {
        CancelContext ctx = Context.background().withCancel();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        AfterFunc af = ctx.afterFunc(() -> {
            ranOn.set(Thread.currentThread());
            ran.countDown();
        });
        assertEquals(1, ran.getCount());
        ctx.cancel();
        assertTrue(ran.await(20, TimeUnit.SECONDS));
        assertTrue(ranOn.get().isVirtual());
        assertFalse(ranOn.get() == Thread.currentThread());
        assertFalse(af.stop(), "stop after the run");
    }

    @Test
    void rule_B8_afterFuncOnDoneContextRunsAtOnce() throws Exception {
        CancelContext ctx = Context.background().withCancel();
        ctx.cancel();
        CountDownLatch ran = new CountDownLatch(1);
        AfterFunc af = ctx.afterFunc(ran::countDown);
        assertTrue(ran.await(20, TimeUnit.SECONDS));
        assertFalse(af.stop());
    }

    @Test
    void rule_B8_stopIsTrueOnlyIfItPreventedTheRun() throws Exception {
        CancelContext ctx = Context.background().withCancel();
        AtomicInteger runs = new AtomicInteger();
        AfterFunc stopped = ctx.afterFunc(runs::incrementAndGet);
        CountDownLatch other = new CountDownLatch(1);
        ctx.withValue(USER, "u").afterFunc(other::countDown);
        assertTrue(stopped.stop());
        assertFalse(stopped.stop());
        ctx.cancel();
        assertTrue(other.await(20, TimeUnit.SECONDS));
        // The stopped function would have been started by the same cancel, before it returned.
        assertEquals(0, runs.get());
    }

    @Test
    void badInput_isRejectedWithClearMessages() {
        Context bg = Context.background();
        assertThrows(NullPointerException.class, () -> bg.withTimeout(null));
        assertThrows(NullPointerException.class, () -> bg.withTimeoutCause(null, null));
        assertThrows(NullPointerException.class, () -> bg.withDeadline(null));
        assertThrows(NullPointerException.class, () -> bg.withDeadlineCause(null, null));
        assertThrows(NullPointerException.class, () -> bg.afterFunc(null));
        assertThrows(NullPointerException.class, () -> bg.withCancel().afterFunc(null));
        NullPointerException e = assertThrows(NullPointerException.class, () -> CancelCtx.create(null));
        assertEquals("parent context must not be null", e.getMessage());
        assertThrows(NullPointerException.class, () -> new ValueCtx(null, USER, "v"));
        assertThrows(NullPointerException.class, () -> new WithoutCancelCtx(null));
        assertThrows(NullPointerException.class,
                () -> TimerCtx.withTimeout(null, Duration.ofSeconds(1), null));
        IllegalStateException notDone = assertThrows(IllegalStateException.class,
                () -> ContextException.of(bg));
        assertTrue(notDone.getMessage().contains("not done"));
    }

    @Test
    void cancelledChildrenLeaveTheirParent() {
        CancelContext parent = Context.background().withCancel();
        CancelCtx p = (CancelCtx) parent;
        for (int i = 0; i < 10_000; i++) {
            parent.withCancel().cancel();
            parent.withValue(USER, "v").withTimeout(Duration.ofHours(1)).close();
            parent.afterFunc(() -> { }).stop();
        }
        assertEquals(0, p.childCount(), "a long-lived parent keeps no cancelled child");
        CancelContext kept = parent.withCancel();
        assertEquals(1, p.childCount());
        kept.cancel();
        assertEquals(0, p.childCount());
    }

    @Test
    void cancelledTimeoutsLeaveTheTimerQueue() throws Exception {
        ManualClock clock = new ManualClock();
        onManualClock(clock, () -> {
            for (int i = 0; i < 10_000; i++) {
                Context.background().withTimeout(Duration.ofMinutes(1)).cancel();
            }
            assertEquals(0, clock.pending());
        });
    }

    @Test
    void errIsOneOfGosTwoSentinelsAndCannotBeChanged() throws Exception {
        CancelContext a = Context.background().withCancel();
        CancelContext b = Context.background().withCancel();
        a.cancel();
        b.close();
        assertSame(a.err(), b.err(), "Go's context.Canceled");
        assertEquals(0, a.err().getStackTrace().length, "no stack walked on cancel");
        assertThrows(IllegalStateException.class, () -> a.err().initCause(new RuntimeException()));
        a.err().addSuppressed(new RuntimeException("ignored"));
        assertEquals(0, a.err().getSuppressed().length);
        ManualClock clock = new ManualClock();
        onManualClock(clock, () -> {
            CancelContext x = Context.background().withTimeout(Duration.ofSeconds(1));
            CancelContext y = Context.background().withTimeout(Duration.ofSeconds(2));
            clock.advance(Duration.ofSeconds(2));
            assertSame(x.err(), y.err(), "Go's context.DeadlineExceeded");
        });
        ContextException thrown = ContextException.of(a);
        assertTrue(thrown.getStackTrace().length > 0, "what a blocking call throws has a trace");
    }

    @Test
    void exceptionOfCarriesTheCause() {
        CancelCauseContext c = Context.background().withCancelCause();
        RuntimeException why = new RuntimeException("why");
        c.cancel(why);
        ContextException thrown = ContextException.of(c);
        assertInstanceOf(ContextCanceledException.class, thrown);
        assertSame(why, thrown.getCause());
    }

    @Test
    void foreignParentIsWatched() throws Exception {
        CancelContext inner = Context.background().withCancel();
        CancelContext child = new Probe.Other(inner).withCancel();
        assertLive(child);
        inner.cancel();
        awaitDone(child);
        assertSame(inner.err(), child.err());
    }
}
