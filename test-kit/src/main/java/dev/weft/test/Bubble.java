package dev.weft.test;

import dev.weft.goroutine.Goroutine;
import dev.weft.goroutine.GoroutineInfo;
import dev.weft.time.Clock;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a test body in a bubble, as Go's {@code testing/synctest}: the body and the goroutines
 * it starts share a {@link VirtualClock}; a deadlock among them fails the test at once with
 * {@link DeadlockError}; goroutines that outlive the body fail it as leaks. The JUnit 5 form
 * is {@link WeftTest}.
 *
 * <pre>{@code
 * Bubble.run(() -> {
 *     try (var ctx = Context.background().withTimeout(Duration.ofMinutes(10))) {
 *         ctx.done().recvOk();                       // ten virtual minutes, a few real ms
 *         assertEquals(Duration.ofMinutes(10), Bubble.clock().elapsed());
 *     }
 * });
 * }</pre>
 *
 * <p>Which goroutines are the bubble's: those started through Weft by the body, by its
 * goroutines, or by its timers, however deep: each inherits the bubble's clock, and the
 * registry records the clock a goroutine started with. Goroutines that other code starts
 * meanwhile (another test running in parallel, a bubble of its own) are not the bubble's.
 */
public final class Bubble {
    /*
     * Design note.
     *
     * Three threads: the caller (runner), the body on a virtual thread of the kit's own, and a
     * platform watchdog. Body and watchdog are created inside Clock.withClock(virtual, ..), so
     * they and every thread they start inherit the virtual clock (the watchdog runs timer
     * actions, such as Time.afterFunc's thread start, and those threads inherit it too).
     *
     * The watchdog polls every POLL interval. It looks at the body thread plus every
     * registered goroutine started under the bubble's clock; the bubble is asleep when each is
     * WAITING (untimed park) with a blocker whose class is in a dev.weft package (a channel, a
     * select, a scope, a WaitGroup, a goroutine being joined), in two quick rounds of reads
     * that agree (same blocker, by identity, for each thread).
     *
     *   awake                         -> fire due timers, poll again (no snapshot while the
     *                                    body runs: its state alone says so)
     *   asleep, same for 3 polls      -> timers pending: jump to the next one and fire it
     *   asleep, same for CONFIRM      -> no timer pending: deadlock
     *
     * Why the body runs on a virtual thread: LockSupport.unpark of a virtual thread makes its
     * getState() RUNNABLE at once (PARKED -> UNPARKED inside unpark), whereas a platform
     * thread reads WAITING until the OS schedules it. So a thread that was handed a value is
     * never seen asleep. The reads are still made one thread at a time: in a ping-pong, A read
     * parked, then B wakes A and parks, then B read parked, looks asleep though neither ever
     * stopped. A torn read must then repeat in the second round, in three polls in a row for
     * time to move (each about POLL apart), and in every poll for CONFIRM (100 ms) for a
     * deadlock: unlikely rather than impossible. A runtime counter of Weft wake-ups, read
     * before and after the two rounds, would make them an exact double collect.
     *
     * Not seen, hence limits: threads not started through Weft (Thread.ofVirtual, executors,
     * the runtime's own afterFunc and context-watch threads) are invisible, so a goroutine
     * waiting on a channel that only such a thread will feed looks asleep; a blocker that is
     * a Weft object owned by code outside the bubble (a context with a real deadline made
     * before the bubble) looks the same. Anything else blocks "alive": I/O, JDK locks,
     * synchronized, Thread.sleep, timed parks on the system clock. Never false alarms for
     * those, at the price of missing deadlocks that involve them.
     */

    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(500);
    private static final long CONFIRM_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int POLLS_BEFORE_TIME_MOVES = 3;
    private static final Duration CLEANUP_WAIT = Duration.ofSeconds(5);

    /** A test body: may throw anything. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    /** What the kit runs: JUnit's invocations throw Throwable. */
    @FunctionalInterface
    interface Action {
        void run() throws Throwable;
    }

    private final String name;
    private final Action body;
    private final List<LeakFilter> ignore;
    private final VirtualClock clock = new VirtualClock(this::wakeWatchdog);
    /** Everything not started under this bubble's clock: not the bubble's business. */
    private final LeakFilter outside = g -> g.clock() != clock;
    private final Thread runner = Thread.currentThread();
    private Thread bodyThread;
    private Thread watchdog;
    private volatile boolean bodyDone;
    private volatile Throwable bodyFailure;
    private volatile DeadlockError deadlock;
    private volatile boolean stopping;

    private Bubble(String name, Action body, List<LeakFilter> ignore) {
        this.name = name;
        this.body = body;
        this.ignore = ignore;
    }

    /**
     * Runs {@code body} in a new bubble and returns when it has ended and the goroutines it
     * started have ended too.
     *
     * @param ignore goroutines not to report as leaks
     * @throws DeadlockError as soon as the body and its goroutines are all asleep on Weft
     *     primitives with no timer pending; they are interrupted before this is thrown
     * @throws AssertionError listing leaked goroutines (see {@link Leaks#verifyNone}); added
     *     as suppressed when the body failed
     * @throws Exception what the body threw
     */
    public static void run(Body body, LeakFilter... ignore) throws Exception {
        Objects.requireNonNull(body, "body");
        try {
            execute("bubble", body::run, List.of(ignore));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new UndeclaredThrowableException(t);
        }
    }

    /**
     * The virtual clock of the bubble the calling thread runs in.
     *
     * @throws IllegalStateException outside a bubble
     */
    public static VirtualClock clock() {
        if (Clock.current() instanceof VirtualClock v) {
            return v;
        }
        throw new IllegalStateException(
                "not in a bubble: Bubble.clock() works inside Bubble.run or a @WeftTest");
    }

    static void execute(String name, Action body, List<LeakFilter> ignore) throws Throwable {
        SiteRecording.acquire(); // reports then say where goroutines started, channels were made
        try {
            new Bubble(name, body, ignore).execute();
        } finally {
            SiteRecording.release();
        }
    }

    private void execute() throws Throwable {
        Clock.withClock(clock, () -> {
            bodyThread = Thread.ofVirtual().name(name).unstarted(this::runBody);
            watchdog = Thread.ofPlatform().name("weft-bubble-watchdog").daemon(true)
                    .unstarted(this::watch);
            return null;
        });
        watchdog.start();
        bodyThread.start();
        try {
            awaitBodyOrDeadlock();
            if (deadlock != null) {
                stopAll();
                throw deadlock;
            }
            finish();
        } finally {
            stopping = true;
            LockSupport.unpark(watchdog);
        }
    }

    private void runBody() {
        try {
            body.run();
        } catch (Throwable t) {
            bodyFailure = t;
        } finally {
            bodyDone = true;
            LockSupport.unpark(runner);
        }
    }

    private void awaitBodyOrDeadlock() throws InterruptedException {
        while (!bodyDone && deadlock == null) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                bodyThread.interrupt(); // the runner was cancelled (a JUnit timeout): stop the body
                throw new InterruptedException();
            }
        }
    }

    /** The body ended: wait for its goroutines (time still moves), then report. */
    private void finish() throws Throwable {
        List<LeakFilter> filters = new ArrayList<>(ignore);
        filters.add(outside);
        List<GoroutineInfo> leaked = Leaks.find(Leaks.DEFAULT_WAIT, filters.toArray(LeakFilter[]::new));
        Throwable failure = bodyFailure;
        AssertionError leaks = leaked.isEmpty() ? null : new AssertionError(Leaks.report(leaked));
        if (failure != null) {
            if (leaks != null) {
                failure.addSuppressed(leaks);
            }
            throw failure;
        }
        if (leaks != null) {
            throw leaks;
        }
    }

    /** After a deadlock: interrupt everything in the bubble so nothing outlives the test. */
    private void stopAll() throws InterruptedException {
        bodyThread.interrupt();
        for (GoroutineInfo g : Goroutine.snapshot()) {
            if (!outside.ignores(g)) {
                g.thread().interrupt();
            }
        }
        bodyThread.join(CLEANUP_WAIT);
        Leaks.find(CLEANUP_WAIT, outside);
    }

    private void wakeWatchdog() {
        Thread w = watchdog;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    // ---------------------------------------------------------------- watchdog

    private void watch() {
        Observation first = null; // first poll of the current run of equal asleep polls
        int polls = 0;            // length of that run
        while (!stopping) {
            clock.fireDue();
            long began = System.nanoTime();
            Observation now = observe();
            long cost = System.nanoTime() - began;
            if (now == null) {
                first = null; // something runs
            } else if (first == null || !now.sameAs(first)) {
                first = now;
                polls = 1;
            } else if (++polls >= POLLS_BEFORE_TIME_MOVES && clock.advanceToNext()) {
                first = null; // only a timer could wake the bubble: move time to it
                continue;
            } else if (clock.pending() == 0 && !now.bodyDone()
                    && System.nanoTime() - first.at() >= CONFIRM_NANOS) {
                deadlock = new DeadlockError(now.report());
                LockSupport.unpark(runner);
                return;
            }
            // Snapshots read every goroutine's stack: with many goroutines, poll less often
            // rather than eat a shared machine's cores.
            LockSupport.parkNanos(this, Math.max(POLL_NANOS, 4 * cost));
        }
    }

    /**
     * The bubble if it is asleep now, else null. Threads come from a snapshot (slow: it reads
     * stacks); whether they sleep is judged by two quick rounds of (state, blocker) reads
     * after it, which must agree, so that a thread seen parked in a stale read does not count.
     */
    private Observation observe() {
        boolean done = bodyDone;
        Thread b = bodyThread;
        if (!done && !asleepOnWeft(b.getState(), LockSupport.getBlocker(b))) {
            return null; // no snapshot while the body runs
        }
        List<GoroutineInfo> goroutines = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        if (!done) {
            threads.add(b);
        }
        for (GoroutineInfo g : Goroutine.snapshot()) {
            if (!outside.ignores(g)) {
                goroutines.add(g);
                threads.add(g.thread());
            }
        }
        Object[] blockers = sleepingOn(threads);
        if (blockers == null || !sameIdentities(blockers, sleepingOn(threads))) {
            return null;
        }
        return new Observation(System.nanoTime(), done, b, threads, blockers, goroutines);
    }

    /** What each thread sleeps on (identity), or null as soon as one is not asleep on Weft. */
    private static Object[] sleepingOn(List<Thread> threads) {
        Object[] blockers = new Object[threads.size()];
        for (int i = 0; i < blockers.length; i++) {
            Thread t = threads.get(i);
            Thread.State state = t.getState();
            Object blocker = LockSupport.getBlocker(t);
            if (!asleepOnWeft(state, blocker)) {
                return null;
            }
            blockers[i] = blocker;
        }
        return blockers;
    }

    private static boolean sameIdentities(Object[] a, Object[] b) {
        if (b == null || a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /** An asleep bubble as one poll saw it. */
    private record Observation(long at, boolean bodyDone, Thread body, List<Thread> threads,
                               Object[] blockers, List<GoroutineInfo> goroutines) {

        /** Same threads, each on the same blocker: nothing seen to move between two polls. */
        boolean sameAs(Observation o) {
            return bodyDone == o.bodyDone && threads.equals(o.threads)
                    && sameIdentities(blockers, o.blockers);
        }

        String report() {
            StringBuilder sb = new StringBuilder();
            Dumps.appendThread(sb, "goroutine " + body.getName() + " (test body)", body.getState(),
                    LockSupport.getBlocker(body), body.getStackTrace());
            for (GoroutineInfo g : goroutines) {
                sb.append('\n');
                Dumps.appendGoroutine(sb, g);
            }
            return sb.toString();
        }
    }

    /**
     * Parked without a timeout on a Weft object: only another Weft action can wake it. The
     * kit's own objects do not count: a bubble run inside another waits on its Bubble.
     */
    static boolean asleepOnWeft(Thread.State state, Object blocker) {
        if (state != Thread.State.WAITING || blocker == null) {
            return false;
        }
        if (blocker instanceof java.util.concurrent.locks.AbstractQueuedSynchronizer) {
            return false; // a buffered channel's lock: held for nanoseconds, never while asleep
        }
        String type = blocker.getClass().getName();
        return type.startsWith("dev.weft.") && !type.startsWith("dev.weft.test.");
    }
}
