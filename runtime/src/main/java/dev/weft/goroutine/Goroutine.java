package dev.weft.goroutine;

import dev.weft.time.Clock;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

/**
 * A goroutine: a named virtual thread started through Weft, counted in a registry of live
 * goroutines that can be dumped like Go's goroutine profile.
 *
 * <p>{@link #go(Task)} is Go's {@code go f()}: a detached goroutine that nobody waits for. What
 * it throws is never silent: it goes to the {@linkplain #setUncaughtHandler uncaught handler},
 * by default the thread's {@link Thread.UncaughtExceptionHandler}, which prints it with the
 * goroutine's name. Prefer a {@link Scope}, which joins its goroutines and collects their
 * failures.
 *
 * <pre>{@code
 * Goroutine g = Goroutine.go("printer", () -> {
 *     for (String line : lines) System.out.println(line);
 * });
 * g.join();
 * System.out.print(Goroutine.dump());   // what is still running, and on what it waits
 * }</pre>
 *
 * <p>Names: each goroutine's thread is named {@code <name>#<seq>}, {@code seq} unique in the
 * JVM; the default name is the task's class (its declaring class for a lambda) or
 * "goroutine".
 *
 * <p>Start sites: recording where each goroutine was started (for {@link #dump()}) walks the
 * stack, which costs more than starting the virtual thread itself, so it is off unless the
 * system property {@code weft.goroutine.startSites=true} is set or
 * {@link #recordStartSites(boolean)} turns it on (a test kit may).
 */
public final class Goroutine {
    /*
     * Design note.
     *
     * A goroutine is a virtual thread plus this object, which the thread runs through run():
     *
     *   start:  registry put -> scope adopts it (scope's goroutine) -> thread.start()
     *   run:    task.run(); catch everything -> failure
     *   finish: registry remove -> scope.exited() or the uncaught handler -> wake joiners
     *
     * The registry (LIVE) maps each live goroutine's thread to it. It is a ConcurrentHashMap
     * because spawning is hot (W6): a put and a remove are ~2 CASes, striped across bins, and
     * count() is its size. A goroutine leaves the registry before it tells its scope or its
     * joiners it is done, so after join(), await() or close() return, count() no longer
     * includes it.
     *
     * join() does not use Thread.join (its blocker is a JDK latch, unreadable in a dump): it
     * parks with this goroutine as blocker on a Treiber stack of waiting threads (waiters),
     * which finish() swaps for TERMINATED and unparks, as FutureTask does.
     *
     * Invariants: waiters goes from a stack to TERMINATED once, after failure is written and
     * after the goroutine left the registry; failure is written at most once.
     */

    private static final AtomicLong SEQ = new AtomicLong();
    private static final ConcurrentHashMap<Thread, Goroutine> LIVE = new ConcurrentHashMap<>();
    private static final WaitNode TERMINATED = new WaitNode(null, null);
    private static volatile BiConsumer<Goroutine, Throwable> uncaughtHandler;
    private static volatile boolean recordStartSites =
            Boolean.getBoolean("weft.goroutine.startSites");

    private static final VarHandle WAITERS;
    static {
        try {
            WAITERS = MethodHandles.lookup().findVarHandle(Goroutine.class, "waiters", WaitNode.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long seq;
    private final String name;
    /** Cleared when the body ends, so a kept Goroutine does not keep what the task captured. */
    private Task task;
    /** The scope this goroutine belongs to; null when detached. */
    final Scope scope;
    /** The clock inherited from the starter (see GoroutineInfo.clock). */
    private final Clock clock;
    /** Where go() was called; null unless start sites are recorded. */
    private final StackWalker.StackFrame startSite;
    final Thread thread;
    /** What the task threw, in the form rethrown to callers (unchecked, or wrapped). */
    private volatile Throwable failure;
    /** The next goroutine of the same scope, see {@link Children}. */
    Goroutine nextSibling;
    /** Set when its scope hears it ended; read racily by {@link Children}. */
    boolean ended;
    /** Threads in join(): a stack, or TERMINATED once finished. */
    private volatile WaitNode waiters;

    private record WaitNode(Thread thread, WaitNode next) {}

    private Goroutine(Scope scope, String baseName, Task task) {
        this.seq = SEQ.incrementAndGet();
        this.name = baseName + '#' + seq;
        this.task = task;
        this.scope = scope;
        this.startSite = recordStartSites ? StartSite.capture() : null;
        this.clock = Clock.current(); // the thread inherits it too; kept to tell bubbles apart
        this.thread = Thread.ofVirtual().name(name).unstarted(this::run);
    }

    /**
     * Starts a detached goroutine running {@code task}: Go's {@code go f()}. Its name is the
     * task's class name (see the class comment).
     *
     * @throws NullPointerException if {@code task} is null
     */
    public static Goroutine go(Task task) {
        Objects.requireNonNull(task, "task must not be null");
        return start(null, Names.of(task), task);
    }

    /**
     * Starts a detached goroutine named {@code name#<seq>} running {@code task}.
     *
     * @throws NullPointerException if {@code name} or {@code task} is null
     */
    public static Goroutine go(String name, Task task) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(task, "task must not be null");
        return start(null, name, task);
    }

    /** Registers and starts a goroutine; a scope's goroutine is adopted before it can run. */
    static Goroutine start(Scope scope, String baseName, Task task) {
        Goroutine g = new Goroutine(scope, baseName, task);
        LIVE.put(g.thread, g);
        if (scope != null) {
            scope.adopt(g);
        }
        try {
            g.thread.start();
        } catch (Throwable t) {
            LIVE.remove(g.thread);
            if (scope != null) {
                scope.abandon(g);
            }
            throw t;
        }
        return g;
    }

    private void run() {
        Throwable thrown = null;
        try {
            if (scope != null) {
                scope.started();
            }
            task.run();
        } catch (Throwable t) {
            thrown = t;
            failure = t instanceof RuntimeException || t instanceof Error
                    ? t : new GoroutineException(name, t);
        } finally {
            task = null;
            LIVE.remove(thread);
            try {
                if (scope != null) {
                    scope.exited(this, thrown);
                } else if (thrown != null) {
                    reportUncaught(thrown);
                }
            } finally {
                finish();
            }
        }
    }

    private void reportUncaught(Throwable t) {
        BiConsumer<Goroutine, Throwable> h = uncaughtHandler;
        if (h != null) {
            h.accept(this, t);
            return;
        }
        Thread.UncaughtExceptionHandler u = thread.getUncaughtExceptionHandler();
        if (u != null) {
            u.uncaughtException(thread, t);
        }
    }

    private void finish() {
        WaitNode w = (WaitNode) WAITERS.getAndSet(this, TERMINATED);
        for (; w != null; w = w.next) {
            LockSupport.unpark(w.thread);
        }
    }

    /** This goroutine's name: {@code <name>#<seq>}, also its thread's name. */
    public String name() {
        return name;
    }

    /** True until the goroutine's body has ended and it has left the registry. */
    public boolean isAlive() {
        return waiters != TERMINATED;
    }

    /**
     * Waits until this goroutine has ended; its actions happen-before this returns. It does not
     * report the goroutine's failure (a scope or the uncaught handler does).
     *
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if called by this goroutine, which would wait forever
     */
    public void join() throws InterruptedException {
        if (waiters == TERMINATED) {
            return;
        }
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("goroutine " + name + " joins itself: it would wait forever");
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        WaitNode h;
        do {
            h = waiters;
            if (h == TERMINATED) {
                return;
            }
        } while (!WAITERS.compareAndSet(this, h, new WaitNode(Thread.currentThread(), h)));
        while (waiters != TERMINATED) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                if (waiters == TERMINATED) {
                    Thread.currentThread().interrupt(); // lost the race: we are done anyway
                    return;
                }
                throw new InterruptedException(); // our node stays until finish(): harmless
            }
        }
    }

    /** The failure in the form callers see it: unchecked as is, checked wrapped; or null. */
    Throwable failure() {
        return failure;
    }

    /** The goroutine running the calling thread, or null if it was not started through Weft. */
    public static Goroutine current() {
        return LIVE.get(Thread.currentThread());
    }

    /** The number of live goroutines started through Weft. */
    public static int count() {
        return LIVE.size();
    }

    /** Every live goroutine, oldest first. */
    public static List<GoroutineInfo> snapshot() {
        List<Goroutine> live = new ArrayList<>(LIVE.values());
        live.sort(Comparator.comparingLong(g -> g.seq));
        List<GoroutineInfo> out = new ArrayList<>(live.size());
        for (Goroutine g : live) {
            out.add(g.info());
        }
        return out;
    }

    private GoroutineInfo info() {
        Object blocker = LockSupport.getBlocker(thread);
        return new GoroutineInfo(name, thread, thread.getState(),
                startSite == null ? null : startSite.toStackTraceElement(),
                blocker, scope, thread.getStackTrace(), clock);
    }

    /**
     * The live goroutines as text, like Go's goroutine profile: groups of goroutines started at
     * the same place and waiting on the same thing ({@code N @ <start site>}), largest first,
     * then each goroutine's name, state, scope and stack.
     */
    public static String dump() {
        return Profile.format(snapshot());
    }

    /**
     * Sets what receives the exceptions escaping detached goroutines; null restores the default
     * (the thread's uncaught-exception handler). Goroutines of a scope report to their scope.
     */
    public static void setUncaughtHandler(BiConsumer<Goroutine, Throwable> handler) {
        uncaughtHandler = handler;
    }

    /**
     * Turns recording of start sites on or off for goroutines started from now on; the default
     * comes from the system property {@code weft.goroutine.startSites}. Recording costs a stack
     * walk per goroutine (1.5 to 2 µs of CPU, several times the spawn itself, and about
     * 780 bytes; see docs/semantics.md).
     */
    public static void recordStartSites(boolean on) {
        recordStartSites = on;
    }

    /** Whether start sites are being recorded. */
    public static boolean recordsStartSites() {
        return recordStartSites;
    }

    @Override
    public String toString() {
        return "goroutine " + name;
    }
}
