package dev.weft.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.chan.Chan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rule C5 and rewrites of Go's TestOnce, TestOncePanic and the OnceFunc/OnceValue tests. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OnceTest {

    @Test
    void rule_C5_runsOnce() throws Exception {
        Once once = new Once();
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger early = new AtomicInteger();
        WaitGroup wg = new WaitGroup();
        for (int i = 0; i < 10; i++) {
            wg.go(() -> {
                once.run(() -> {
                    Thread.yield(); // let the others arrive while it runs
                    runs.incrementAndGet();
                });
                if (runs.get() != 1) {
                    early.incrementAndGet();
                }
            });
        }
        wg.await();
        assertEquals(0, early.get(), "a caller returned before the function ran");
        once.run(runs::incrementAndGet);
        assertEquals(1, runs.get());
        assertTrue(once.isDone());
    }

    @Test
    void rule_C5_concurrentCallersWaitForTheFunction() throws Exception {
        Once once = new Once();
        Chan<Integer> release = Chan.make();
        List<Integer> effects = new ArrayList<>();
        Thread runner = Thread.ofVirtual().name("runner").start(() -> once.run(() -> {
            try {
                release.recv();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            effects.add(1); // plain list: the happens-before of Once makes it visible
        }));
        WaitGroupTest.parkedOn(runner, release);
        CompletableFuture<Integer> seen = new CompletableFuture<>();
        Thread second = Thread.ofVirtual().start(() -> {
            once.run(() -> effects.add(2));
            seen.complete(effects.size());
        });
        WaitGroupTest.parkedOn(second, once);
        assertEquals("once(running in runner)", once.toString());
        assertFalse(seen.isDone());
        release.send(1);
        assertEquals(1, seen.get());
        assertEquals(List.of(1), effects);
        runner.join();
    }

    @Test
    void rule_C5_aFailureCountsAsDone() {
        Once once = new Once();
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> once.run(() -> {
            throw boom;
        })));
        AtomicInteger runs = new AtomicInteger();
        once.run(runs::incrementAndGet); // Go: Do after a panic does not call f
        assertEquals(0, runs.get());
        assertEquals("once(done)", once.toString());
    }

    @Test
    void rule_C5_valueFormRethrowsTheFailureToEveryCaller() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicInteger calls = new AtomicInteger();
        Supplier<String> v = Once.value(() -> {
            calls.incrementAndGet();
            throw boom;
        });
        for (int i = 0; i < 3; i++) {
            assertSame(boom, assertThrows(IllegalStateException.class, v::get));
        }
        CompletableFuture<Throwable> other = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                v.get();
            } catch (Throwable t) {
                other.complete(t);
            }
        });
        assertSame(boom, other.get());
        assertEquals(1, calls.get());
    }

    @Test
    void rule_C5_runnableFormRethrowsTheFailureToEveryCaller() {
        AssertionError broken = new AssertionError("broken");
        AtomicInteger calls = new AtomicInteger();
        Runnable r = Once.runnable(() -> {
            calls.incrementAndGet();
            throw broken;
        });
        assertSame(broken, assertThrows(AssertionError.class, r::run));
        assertSame(broken, assertThrows(AssertionError.class, r::run));
        assertEquals(1, calls.get());
    }

    @Test
    void valueIsComputedOnceAndSharedByConcurrentCallers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Object> v = Once.value(() -> {
            calls.incrementAndGet();
            Thread.yield();
            return new Object();
        });
        List<CompletableFuture<Object>> got = new ArrayList<>();
        WaitGroup wg = new WaitGroup();
        for (int i = 0; i < 20; i++) {
            CompletableFuture<Object> f = new CompletableFuture<>();
            got.add(f);
            wg.go(() -> f.complete(v.get()));
        }
        wg.await();
        Object first = got.get(0).get();
        for (CompletableFuture<Object> f : got) {
            assertSame(first, f.get());
        }
        assertEquals(1, calls.get());
    }

    @Test
    void runnableRunsOnce() {
        AtomicInteger calls = new AtomicInteger();
        Runnable r = Once.runnable(calls::incrementAndGet);
        r.run();
        r.run();
        assertEquals(1, calls.get());
    }

    @Test
    void aCheckedExceptionThrownSneakilyIsWrappedOnce() {
        Supplier<String> v = Once.value(OnceTest::sneaky);
        Throwable first = assertThrows(java.lang.reflect.UndeclaredThrowableException.class, v::get);
        assertSame(first, assertThrows(java.lang.reflect.UndeclaredThrowableException.class, v::get));
        assertTrue(first.getCause() instanceof java.io.IOException);
    }

    private static String sneaky() {
        return OnceTest.<RuntimeException>sneakyThrow(new java.io.IOException("checked"));
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> String sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }

    @Test
    void runFromItsOwnFunctionIsRejectedInsteadOfDeadlocking() {
        Once once = new Once();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> once.run(() -> once.run(() -> { })));
        assertTrue(e.getMessage().contains("its own function"), e.getMessage());
        assertTrue(once.isDone());
    }

    @Test
    void waitingIsNotInterruptibleButKeepsTheFlag() throws Exception {
        Once once = new Once();
        Chan<Integer> release = Chan.make();
        Thread runner = Thread.ofVirtual().start(() -> once.run(() -> {
            try {
                release.recv();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }));
        WaitGroupTest.parkedOn(runner, release);
        CompletableFuture<Boolean> flag = new CompletableFuture<>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            once.run(() -> { });
            flag.complete(Thread.currentThread().isInterrupted());
        });
        WaitGroupTest.parkedOn(waiter, once);
        waiter.interrupt();
        WaitGroupTest.eventually("the waiter parks again", () -> LockSupport.getBlocker(waiter) == once
                && waiter.getState() == Thread.State.WAITING && !waiter.isInterrupted());
        assertFalse(flag.isDone());
        release.send(1);
        assertTrue(flag.get());
        runner.join();
    }

    @Test
    void nullFunctionsAreRejected() {
        assertThrows(NullPointerException.class, () -> new Once().run(null));
        assertThrows(NullPointerException.class, () -> Once.value(null));
        assertThrows(NullPointerException.class, () -> Once.runnable(null));
    }
}
