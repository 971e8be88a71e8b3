package dev.weft.test;

import dev.weft.goroutine.Goroutine;
import dev.weft.goroutine.GoroutineInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Goroutine leak check for any test framework: Go's goleak for Weft. The JUnit 5 form is
 * {@link CheckLeaks}.
 *
 * <pre>{@code
 * LeakFilter before = Leaks.ignoreCurrent();   // goroutines already running are not ours
 * runTheCodeUnderTest();
 * Leaks.verifyNone(before);                    // AssertionError listing each leaked goroutine
 * }</pre>
 *
 * <p>Like goleak, {@link #verifyNone} retries with backoff for up to {@link #DEFAULT_WAIT}
 * before it fails, so goroutines already on their way out (a scope closing, a worker that
 * just got its last value) are not reported. Only goroutines started through Weft
 * ({@link Goroutine#snapshot()}) are seen.
 */
public final class Leaks {
    /** How long {@link #verifyNone} waits for goroutines to end before it reports them. */
    public static final Duration DEFAULT_WAIT = Duration.ofMillis(500);

    private static final long FIRST_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(10);
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private Leaks() {}

    /**
     * A filter that ignores every goroutine alive now (goleak's {@code IgnoreCurrent}); take it
     * before the code under test runs.
     */
    public static LeakFilter ignoreCurrent() {
        Set<Thread> alive = new HashSet<>();
        for (GoroutineInfo g : Goroutine.snapshot()) {
            alive.add(g.thread());
        }
        return g -> alive.contains(g.thread());
    }

    /**
     * Fails if a live goroutine is not ignored by one of {@code filters}, after waiting up to
     * {@link #DEFAULT_WAIT} for such goroutines to end.
     *
     * @throws AssertionError listing each leaked goroutine: name, start site, what it waits
     *     on, and its stack
     */
    public static void verifyNone(LeakFilter... filters) {
        verifyNone(DEFAULT_WAIT, filters);
    }

    /** As {@link #verifyNone(LeakFilter...)}, waiting up to {@code wait}. */
    public static void verifyNone(Duration wait, LeakFilter... filters) {
        List<GoroutineInfo> leaked = find(wait, filters);
        if (!leaked.isEmpty()) {
            throw new AssertionError(report(leaked));
        }
    }

    /**
     * The live goroutines that no filter ignores, once they have stayed alive for
     * {@code wait} (sooner when there are none): what {@link #verifyNone} reports.
     */
    public static List<GoroutineInfo> find(Duration wait, LeakFilter... filters) {
        Objects.requireNonNull(wait, "wait");
        List<LeakFilter> ignore = List.of(filters);
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        for (;;) {
            List<GoroutineInfo> leaked = unignored(ignore);
            long left = deadline - System.nanoTime();
            if (leaked.isEmpty() || left <= 0) {
                return leaked;
            }
            LockSupport.parkNanos(Math.min(pause, left)); // backoff: goleak's retry policy
            pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
        }
    }

    private static List<GoroutineInfo> unignored(List<LeakFilter> ignore) {
        List<GoroutineInfo> out = new ArrayList<>();
        for (GoroutineInfo g : Goroutine.snapshot()) {
            if (ignore.stream().noneMatch(f -> f.ignores(g))) {
                out.add(g);
            }
        }
        return out;
    }

    /** The failure message for {@code leaked}. */
    static String report(List<GoroutineInfo> leaked) {
        StringBuilder sb = new StringBuilder("found ").append(leaked.size())
                .append(leaked.size() == 1 ? " leaked goroutine" : " leaked goroutines")
                .append(" (alive after the test ended):\n");
        for (GoroutineInfo g : leaked) {
            sb.append('\n');
            Dumps.appendGoroutine(sb, g);
        }
        return sb.toString();
    }
}
