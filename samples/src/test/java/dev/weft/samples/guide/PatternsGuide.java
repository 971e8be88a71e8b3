package dev.weft.samples.guide;

import dev.weft.annotation.Go;
import dev.weft.annotation.Out;
import dev.weft.chan.Chan;
import dev.weft.chan.RecvChan;
import dev.weft.chan.SendChan;
import dev.weft.context.Context;
import dev.weft.goroutine.Scope;
import java.util.concurrent.atomic.AtomicInteger;

/** Snippets of docs/guide.md, "Worker pools", "Pipelines" and "Fan-out, fan-in". */
final class PatternsGuide {
    private PatternsGuide() {}

    static long workerPool(int jobCount) throws InterruptedException {
        long total = 0;
        // [guide:pool]
        Chan<Integer> jobs = Chan.make(100);                     // jobs := make(chan int, 100)
        Chan<Integer> results = Chan.make(100);
        try (Scope scope = Scope.open()) {
            AtomicInteger running = new AtomicInteger(3);
            for (int w = 1; w <= 3; w++) {                       // for w := 1; w <= 3; w++ { go worker(...) }
                scope.go("worker", () -> {
                    try {
                        for (int j : jobs) {
                            results.send(j * 2);
                        }
                    } finally {
                        if (running.decrementAndGet() == 0) {
                            results.close();                     // the last worker out closes results
                        }
                    }
                });
            }
            scope.go("submit", () -> {
                try (jobs) {                                     // close(jobs) when all are sent
                    for (int j = 1; j <= jobCount; j++) {
                        jobs.send(j);
                    }
                }
            });
            for (int r : results) {
                total += r;
            }
            scope.await();
        }
        // [/guide:pool]
        return total;
    }

    // [guide:sq]
    static RecvChan<Integer> sq(Scope scope, RecvChan<Integer> in) throws InterruptedException {
        Chan<Integer> out = Chan.make();                         // out := make(chan int)
        scope.go("sq", () -> {                                   // go func() {
            try (out) {                                          //     defer close(out)
                for (int n : in) {
                    out.send(n * n);
                }
            }
        });
        return out;
    }
    // [/guide:sq]

    // [guide:stages]
    @Go(buffer = 4)
    static void gen(int n, @Out SendChan<Integer> out) throws InterruptedException {
        for (int i = 1; i <= n; i++) {
            out.send(i);
        }
    }

    @Go
    static void square(Context ctx, RecvChan<Integer> in, @Out SendChan<Integer> out) throws InterruptedException {
        for (int v : in) {
            out.send(ctx, v * v);                                // gives up when the scope is cancelled
        }
    }

    @Go
    static long sum(RecvChan<Integer> in) {
        long total = 0;
        for (int v : in) {
            total += v;
        }
        return total;
    }
    // [/guide:stages]

    static long pipeline(int n) throws InterruptedException {
        // [guide:pipeline]
        try (Scope scope = Scope.open()) {
            var total = PatternsGuideGo.sum(scope, PatternsGuideGo.square(scope, PatternsGuideGo.gen(scope, n)));
            return total.join();                                 // 1² + 2² + ... + n²
        }
        // [/guide:pipeline]
    }

    static long handWritten(int n) throws InterruptedException {
        try (Scope scope = Scope.open()) {
            long total = 0;
            for (int v : sq(scope, PatternsGuideGo.gen(scope, n))) {
                total += v;
            }
            scope.await();
            return total;
        }
    }

    // [guide:fanout]
    @Go(workers = 4)
    static void work(Context ctx, RecvChan<Integer> jobs, @Out SendChan<String> results) throws InterruptedException {
        for (int job : jobs) {                                   // four copies share one input...
            results.send(ctx, "job " + job + " by " + Thread.currentThread().getName());
        }
    }                                                            // ...and one output, closed after the last
    // [/guide:fanout]

    static int fanOut(int n) throws InterruptedException {
        int count = 0;
        // [guide:fanoutuse]
        try (Scope scope = Scope.open()) {
            RecvChan<String> results = PatternsGuideGo.work(scope, PatternsGuideGo.gen(scope, n));
            for (String r : results) {                           // ends when all four workers are done
                count++;
            }
            scope.await();
        }
        // [/guide:fanoutuse]
        return count;
    }

    // [guide:merge]
    /** Go's merge(cs ...<-chan int): one goroutine per input, the last one out closes. */
    @SafeVarargs
    static RecvChan<Integer> merge(Scope scope, RecvChan<Integer>... inputs) throws InterruptedException {
        Chan<Integer> out = Chan.make();
        AtomicInteger open = new AtomicInteger(inputs.length);  // wg.Add(len(cs))
        for (RecvChan<Integer> in : inputs) {
            scope.go("merge", () -> {
                try {
                    for (int v : in) {
                        out.send(v);
                    }
                } finally {
                    if (open.decrementAndGet() == 0) {           // go func() { wg.Wait(); close(out) }()
                        out.close();
                    }
                }
            });
        }
        return out;
    }
    // [/guide:merge]

    static long fanIn(int n) throws InterruptedException {
        try (Scope scope = Scope.open()) {
            long total = 0;
            for (int v : merge(scope, PatternsGuideGo.gen(scope, n), PatternsGuideGo.gen(scope, n))) {
                total += v;
            }
            scope.await();
            return total;
        }
    }
}
