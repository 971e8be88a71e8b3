package dev.weft.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weft.chan.Received;
import dev.weft.chan.RecvChan;
import dev.weft.time.Clock;
import dev.weft.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Test helpers: look at a done channel without blocking, wait for one with a real bound. */
final class Probe {
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private Probe() {}

    /** True if {@code ch} is closed now (a done channel never carries values). */
    static boolean closed(RecvChan<Void> ch) {
        assertNotNull(ch, "done channel");
        Received<Void> r = ch.tryRecv();
        return r != null && !r.ok();
    }

    static boolean isClosedNow(Context ctx) {
        return closed(ctx.done());
    }

    /** Waits, with a generous real-time bound, until ctx's done channel is closed. */
    static void awaitDone(Context ctx) throws InterruptedException {
        RecvChan<Void> done = ctx.done();
        assertNotNull(done, "done channel of " + ctx);
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                done.recvOk();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (!waiter.join(PATIENCE)) {
            waiter.interrupt();
            throw new AssertionError("not done after " + PATIENCE + ": " + ctx);
        }
    }

    static void assertLive(Context ctx) {
        assertNull(ctx.err(), "err of live " + ctx);
        assertNull(ctx.cause(), "cause of live " + ctx);
        if (ctx.done() != null) {
            assertFalse(closed(ctx.done()), "done closed early: " + ctx);
        }
    }

    /** Runs {@code body} with a manual clock as Clock.current(). */
    static <T> T onManualClock(ManualClock clock, Callable<T> body) throws Exception {
        return Clock.withClock(clock, body);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static void onManualClock(ManualClock clock, ThrowingRunnable body) throws Exception {
        Clock.withClock(clock, () -> {
            body.run();
            return null;
        });
    }

    /**
     * Go's otherContext: a context type Weft does not know, delegating to another; children
     * learn of its end through the default afterFunc (a watcher thread).
     */
    static class Other implements Context {
        final Context inner;

        Other(Context inner) {
            this.inner = inner;
        }

        @Override
        public RecvChan<Void> done() {
            return inner.done();
        }

        @Override
        public ContextException err() {
            return inner.err();
        }

        @Override
        public Throwable cause() {
            return inner.cause();
        }

        @Override
        public Optional<Instant> deadline() {
            return inner.deadline();
        }

        @Override
        public <T> T value(Key<T> key) {
            return inner.value(key);
        }

        @Override
        public String toString() {
            return "Other(" + inner + ")";
        }
    }

    /** A foreign type that passes afterFunc on to the context it wraps: propagation is immediate. */
    static final class OtherWithAfterFunc extends Other {
        OtherWithAfterFunc(Context inner) {
            super(inner);
        }

        @Override
        public AfterFunc afterFunc(Runnable f) {
            return inner.afterFunc(f);
        }
    }

    static void assertEnded(Context ctx, Class<? extends ContextException> err, Throwable cause) {
        assertNotNull(ctx.err(), "err of " + ctx);
        assertEquals(err, ctx.err().getClass(), "err of " + ctx);
        assertEquals(cause, ctx.cause(), "cause of " + ctx);
    }
}
