package dev.weft.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.chan.Chan;
import dev.weft.chan.Select;
import dev.weft.goroutine.Goroutine;
import dev.weft.goroutine.Scope;
import dev.weft.sync.Semaphore;
import dev.weft.sync.WaitGroup;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadlockTest {
    private LeakFilter before;

    @BeforeEach
    void rememberGoroutines() {
        before = Leaks.ignoreCurrent();
    }

    @AfterEach
    void bubbleLeftNothingBehind() {
        Leaks.verifyNone(java.time.Duration.ofSeconds(10), before);
    }

    private static String deadlock(Class<?> inner) {
        Throwable t = Inner.run(inner);
        assertInstanceOf(DeadlockError.class, t, inner.getSimpleName() + " should deadlock");
        String m = t.getMessage();
        assertTrue(m.startsWith("all goroutines are asleep - deadlock!\n\n"), m);
        return m;
    }

    @WeftTest
    static class UnbufferedSendWithNoReceiver {
        @Test
        void sends() throws InterruptedException {
            Chan<Integer> c = Chan.make();
            c.send(1);
        }
    }

    @Test
    void unbufferedSendWithNoReceiver() {
        String m = deadlock(UnbufferedSendWithNoReceiver.class);
        // The report names the channel and where it was made (the Chan.make above).
        assertTrue(m.contains("goroutine test sends (test body) [WAITING, waiting on chan(cap=0, len=0, made at"
                + " dev.weft.test.DeadlockTest$UnbufferedSendWithNoReceiver.sends(DeadlockTest.java:"), m);
        assertTrue(m.contains("\tat dev.weft.chan.Chan.send("), m);
        assertTrue(m.contains("\tat dev.weft.test.DeadlockTest$UnbufferedSendWithNoReceiver.sends(DeadlockTest.java:"), m);
    }

    @WeftTest
    static class TwoGoroutinesWaitingOnEachOther {
        @Test
        void waitOnEachOther() throws InterruptedException {
            Chan<Integer> a = Chan.make();
            Chan<Integer> b = Chan.make();
            Goroutine first = Goroutine.go("first", () -> {
                a.recv();
                b.send(1);
            });
            Goroutine.go("second", () -> {
                b.recv();
                a.send(2);
            });
            first.join();
        }
    }

    @Test
    void twoGoroutinesEachWaitingOnTheOther() {
        String m = deadlock(TwoGoroutinesWaitingOnEachOther.class);
        assertTrue(m.contains("(test body) [WAITING, waiting on goroutine first#"), m);
        assertTrue(m.contains("\tat dev.weft.goroutine.Goroutine.join("), m);
        assertTrue(m.contains("goroutine first#"), m);
        assertTrue(m.contains("goroutine second#"), m);
        // Each goroutine's channel is named by where it was made: a and b, on two lines.
        Matcher made = Pattern.compile("\\[WAITING, waiting on chan\\(cap=0, len=0, made at dev\\.weft\\.test"
                + "\\.DeadlockTest\\$TwoGoroutinesWaitingOnEachOther\\.waitOnEachOther\\(DeadlockTest\\.java:(\\d+)\\)\\)]")
                .matcher(m);
        Set<String> lines = new HashSet<>();
        while (made.find()) {
            lines.add(made.group(1));
        }
        assertEquals(2, lines.size(), m);
        assertTrue(m.contains("started at: dev.weft.test.DeadlockTest$TwoGoroutinesWaitingOnEachOther.waitOnEachOther("), m);
        assertTrue(m.contains("\tat dev.weft.chan.Chan.recv("), m);
    }

    @WeftTest
    static class WaitGroupNeverDone {
        @Test
        void waits() throws InterruptedException {
            WaitGroup wg = new WaitGroup();
            wg.add(2);
            Goroutine.go("worker", wg::done); // the second done() never comes
            wg.await();
        }
    }

    @Test
    void waitGroupNeverDone() {
        String m = deadlock(WaitGroupNeverDone.class);
        assertTrue(m.contains("(test body) [WAITING, waiting on waitgroup(1)]:"), m);
        assertTrue(m.contains("\tat dev.weft.sync.WaitGroup.await("), m);
    }

    @WeftTest
    static class ScopeWaitingOnAStuckGoroutine {
        @Test
        void awaits() throws InterruptedException {
            Chan<String> never = Chan.make();
            try (Scope scope = Scope.open()) {
                scope.go("stuck", never::recv);
                scope.await();
            }
        }
    }

    @Test
    void scopeAwaitingAGoroutineBlockedForever() {
        String m = deadlock(ScopeWaitingOnAStuckGoroutine.class);
        assertTrue(m.contains("(test body) [WAITING, waiting on scope("), m);
        assertTrue(m.contains("goroutine stuck#"), m);
    }

    @WeftTest
    static class SelectWithNothingReady {
        @Test
        void selects() throws InterruptedException {
            Chan<String> a = Chan.make();
            Chan<Integer> b = Chan.make(1);
            b.send(1);
            Select.on().recv(a, v -> { }).send(b, 2, () -> { }).run();
        }
    }

    @Test
    void selectWhoseCasesCanNeverProceed() {
        String m = deadlock(SelectWithNothingReady.class);
        assertTrue(m.contains("(test body) [WAITING, waiting on select(2 cases)]:"), m);
    }

    @WeftTest
    static class SemaphoreNeverReleased {
        @Test
        void acquiresTwice() throws InterruptedException {
            Semaphore sem = new Semaphore(1);
            sem.acquire(1);
            sem.acquire(1);
        }
    }

    @Test
    void semaphoreNeverReleased() {
        String m = deadlock(SemaphoreNeverReleased.class);
        assertTrue(m.contains("\tat dev.weft.sync.Semaphore.acquire("), m);
    }

    // ------------------------------------------------------------ no false alarms

    /**
     * Holds a bubble's goroutine outside Weft for several times the detector's confirmation
     * time: this wait is what the tests below are about (a real thread blocked elsewhere), so
     * it cannot be replaced by waiting on an event.
     */
    private static final long HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(400);

    static volatile Pipe pipe;

    @WeftTest
    static class BlockedInIo {
        @Test
        void readsAPipe() throws Exception {
            Chan<Integer> got = Chan.make();
            Goroutine.go("reader", () -> {
                ByteBuffer one = ByteBuffer.allocate(1);
                pipe.source().read(one);
                got.send((int) one.get(0));
            });
            got.recv();
        }
    }

    @Test
    void noFalseAlarmWhileAGoroutineIsInBlockingIo() throws Exception {
        pipe = Pipe.open();
        Thread writer = Thread.ofPlatform().start(() -> {
            awaitGoroutine("reader#");
            LockSupport.parkNanos(HOLD_NANOS);
            try {
                pipe.sink().write(ByteBuffer.wrap(new byte[] {42}));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Inner.passes(BlockedInIo.class);
        writer.join();
    }

    static final ReentrantLock lock = new ReentrantLock();

    @WeftTest
    static class BlockedOnAJdkLock {
        @Test
        void locks() throws InterruptedException {
            Chan<String> got = Chan.make();
            Goroutine.go("locker", () -> {
                lock.lock();
                try {
                    got.send("locked");
                } finally {
                    lock.unlock();
                }
            });
            got.recv();
        }
    }

    @Test
    void noFalseAlarmWhileAGoroutineWaitsForAJdkLock() throws InterruptedException {
        Chan<Boolean> held = Chan.make(1);
        Thread holder = Thread.ofPlatform().start(() -> {
            lock.lock();
            try {
                held.trySend(true);
                awaitGoroutine("locker#");
                LockSupport.parkNanos(HOLD_NANOS);
            } finally {
                lock.unlock();
            }
        });
        held.recv();
        Inner.passes(BlockedOnAJdkLock.class);
        holder.join();
    }

    @WeftTest
    static class InThreadSleep {
        @Test
        void sleeps() throws InterruptedException {
            Chan<String> got = Chan.make();
            Goroutine.go("sleeper", () -> {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(HOLD_NANOS)); // real time, outside Weft
                got.send("awake");
            });
            got.recv();
        }
    }

    @Test
    void noFalseAlarmWhileAGoroutineIsInThreadSleep() {
        Inner.passes(InThreadSleep.class);
    }

    private static void awaitGoroutine(String prefix) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Goroutine.snapshot().stream().noneMatch(g -> g.name().startsWith(prefix))) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no goroutine " + prefix + " started");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
