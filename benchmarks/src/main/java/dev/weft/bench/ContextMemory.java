package dev.weft.bench;

import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Heap bytes per live context with a timeout, for 1,000,000 contexts: the "a million
 * live contexts with timeouts must not cost a thread each". Prints one line per shape, and the
 * live thread count before and after, to show no thread per context.
 *
 * <p>Run: {@code java -Xmx2g -cp ... dev.weft.bench.ContextMemory [count]}.
 */
public final class ContextMemory {
    private ContextMemory() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        warmUp();
        measure("withTimeout(1h) under background()", n, parent -> parent.withTimeout(Duration.ofHours(1)),
                Context.background());
        try (CancelContext request = Context.background().withCancel()) {
            measure("withTimeout(1h) under one withCancel()", n,
                    parent -> parent.withTimeout(Duration.ofHours(1)), request);
        }
        measure("withCancel() under background()", n, Context::withCancel, Context.background());
        baselineExecutorTimers(n);
    }

    /**
     * For comparison: the timer alone, as one ScheduledThreadPoolExecutor task per deadline
     * (what a context timer cost before the shared heap).
     */
    private static void baselineExecutorTimers(int n) {
        ScheduledThreadPoolExecutor stpe = new ScheduledThreadPoolExecutor(1);
        stpe.setRemoveOnCancelPolicy(true);
        Runnable nothing = () -> { };
        long before = usedAfterGc();
        ScheduledFuture<?>[] live = new ScheduledFuture<?>[n];
        long arrayBytes = usedAfterGc() - before;
        for (int i = 0; i < n; i++) {
            live[i] = stpe.schedule(nothing, 1, TimeUnit.HOURS);
        }
        long after = usedAfterGc();
        System.out.printf("%-42s %,d timers: %.1f bytes each (timer only, no context)%n",
                "baseline: ScheduledThreadPoolExecutor task", n,
                (double) (after - before - arrayBytes) / n);
        stpe.shutdownNow();
    }

    interface Maker {
        CancelContext make(Context parent);
    }

    private static void warmUp() {
        for (int i = 0; i < 200_000; i++) {
            Context.background().withTimeout(Duration.ofHours(1)).cancel();
        }
    }

    private static void measure(String shape, int n, Maker maker, Context parent) {
        int threadsBefore = Thread.activeCount();
        long before = usedAfterGc();
        CancelContext[] live = new CancelContext[n];
        long arrayBytes = usedAfterGc() - before; // the holding array is not the contexts' cost
        for (int i = 0; i < n; i++) {
            live[i] = maker.make(parent);
        }
        long after = usedAfterGc();
        int threadsAfter = Thread.activeCount();
        double perContext = (double) (after - before - arrayBytes) / n;
        cancelAll(live);
        live = null; // drop them all: what remains is what cancelling failed to release
        long released = usedAfterGc();
        System.out.printf("%-42s %,d contexts: %.1f bytes each; threads %d -> %d; "
                        + "cancelled and dropped: heap %+.1f MB from the start%n",
                shape, n, perContext, threadsBefore, threadsAfter,
                (released - before) / 1e6);
    }

    /**
     * In its own method: the hidden local of an enhanced for loop would keep the array reachable
     * from an interpreted frame of measure() and make released memory look retained.
     */
    private static void cancelAll(CancelContext[] live) {
        for (CancelContext c : live) {
            c.cancel();
        }
    }

    private static long usedAfterGc() {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, mx.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
