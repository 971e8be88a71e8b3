package dev.weft.samples.guide;

import dev.weft.chan.Chan;
import dev.weft.goroutine.Goroutine;
import dev.weft.goroutine.Scope;
import dev.weft.sync.WaitGroup;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Snippets of docs/guide.md, "Goroutines". Lines between [guide:x] markers are quoted there. */
final class GoroutinesGuide {
    private GoroutinesGuide() {}

    /** Go's {@code go f()}: a detached goroutine. */
    static String goStatement() throws InterruptedException {
        Chan<String> greetings = Chan.make(1);
        // [guide:go]
        Goroutine g = Goroutine.go("greeter", () -> greetings.send("hello"));   // go greet()
        g.join();                                     // only for the demo: nobody joins in Go
        // [/guide:go]
        return greetings.recv();
    }

    /** Go's WaitGroup, with Go 1.25's wg.Go and the older Add/Done. */
    static int[] waitGroup() throws InterruptedException {
        // [guide:waitgroup]
        int[] squares = new int[5];
        WaitGroup wg = new WaitGroup();
        for (int i = 0; i < 5; i++) {
            int n = i;                                      // a lambda captures a final copy
            wg.go("square", () -> squares[n] = n * n);      // wg.Go(func() { squares[n] = n * n })
        }
        wg.await();                                         // wg.Wait()
        // [/guide:waitgroup]
        return squares;
    }

    static int addDone() throws InterruptedException {
        int[] result = new int[1];
        // [guide:adddone]
        WaitGroup wg = new WaitGroup();
        wg.add(1);                                          // wg.Add(1) before go
        Goroutine.go("worker", () -> {
            try {
                result[0] = 42;
            } finally {
                wg.done();                                  // defer wg.Done()
            }
        });
        wg.await();
        // [/guide:adddone]
        return result[0];
    }

    /** The structured form: a scope joins its goroutines and collects their failures. */
    static ConcurrentMap<String, Integer> scope(List<String> words) throws InterruptedException {
        ConcurrentMap<String, Integer> lengths = new ConcurrentHashMap<>();
        // [guide:scope]
        try (Scope scope = Scope.open()) {
            for (String w : words) {
                scope.go("measure", () -> lengths.put(w, w.length()));
            }
            scope.await();                                  // wait for all, throw the first failure
        }                                                   // close(): nothing outlives the block
        // [/guide:scope]
        return lengths;
    }

    /** The JDK alone: a virtual thread per task, joined by close(). */
    static int jdkExecutor() throws Exception {
        int answer;
        // [guide:executor]
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> f = pool.submit(() -> 6 * 7);        // go func() { ch <- 6 * 7 }()
            answer = f.get();                                    // <-ch
        }                                                        // close() waits for every task
        // [/guide:executor]
        return answer;
    }

    /** What a blocked goroutine looks like in a dump. */
    static String dump() throws InterruptedException {
        Chan<String> never = Chan.make();
        Goroutine g = Goroutine.go("sleeper", () -> never.recvOk());
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (Thread.State.WAITING != threadState(g)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("sleeper never parked");
                }
                Thread.sleep(1);
            }
            // [guide:dump]
            String text = Goroutine.dump();   // like Go's goroutine profile (SIGQUIT, pprof)
            int live = Goroutine.count();     // runtime.NumGoroutine()
            // [/guide:dump]
            return live > 0 ? text : "";
        } finally {
            never.close();
            g.join();
        }
    }

    private static Thread.State threadState(Goroutine g) {
        return Goroutine.snapshot().stream()
                .filter(i -> i.name().equals(g.name()))
                .map(i -> i.state())
                .findFirst().orElse(Thread.State.NEW);
    }
}
