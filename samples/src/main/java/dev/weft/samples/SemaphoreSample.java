package dev.weft.samples;

import dev.weft.context.Context;
import dev.weft.goroutine.Scope;
import dev.weft.sync.Semaphore;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A weighted semaphore (Go's {@code golang.org/x/sync/semaphore}) bounding use of a scarce
 * resource: ten jobs share three database connections; a bulk job needs all three.
 *
 * <pre>{@code
 * // Go
 * sem := semaphore.NewWeighted(3)
 * if err := sem.Acquire(ctx, 1); err != nil { return err }
 * defer sem.Release(1)
 * }</pre>
 */
public final class SemaphoreSample implements Sample {
    @Override
    public String name() {
        return "semaphore";
    }

    @Override
    public String title() {
        return "a weighted semaphore bounding use of three connections";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Semaphore connections = new Semaphore(3);
        AtomicInteger inUse = new AtomicInteger();
        AtomicInteger maxInUse = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        try (Scope scope = Scope.open()) {
            Context ctx = scope.context();
            for (int i = 0; i < 10; i++) {
                scope.go("query", () -> {
                    connections.acquire(ctx, 1);                      // sem.Acquire(ctx, 1)
                    try {
                        maxInUse.accumulateAndGet(inUse.incrementAndGet(), Math::max);
                        Thread.sleep(5);                              // the query
                        inUse.decrementAndGet();
                        done.incrementAndGet();
                    } finally {
                        connections.release(1);                       // defer sem.Release(1)
                    }
                });
            }
            scope.go("bulk-load", () -> {
                connections.acquire(ctx, 3);                          // all three at once
                try {
                    out.println("bulk load ran alone: " + (inUse.get() == 0));
                } finally {
                    connections.release(3);
                }
            });
            scope.await();
        }
        out.println(done.get() + " queries, at most 3 connections at once: " + (maxInUse.get() <= 3));
        try {
            connections.release(1);
        } catch (IllegalStateException e) {
            out.println("release without acquire: " + e.getMessage());
        }
    }

    public static void main(String[] args) throws Exception {
        new SemaphoreSample().run(System.out);
    }
}
