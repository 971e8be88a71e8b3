package dev.weft.samples;

import dev.weft.context.Context;
import dev.weft.goroutine.Scope;
import dev.weft.time.Time;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * errgroup: fetch pages in parallel, at most two at a time; the first failure cancels the rest
 * and is what {@code await()} throws.
 *
 * <pre>{@code
 * // Go
 * g, ctx := errgroup.WithContext(ctx)
 * g.SetLimit(2)
 * for _, url := range urls { g.Go(func() error { return fetch(ctx, url) }) }
 * if err := g.Wait(); err != nil { ... }
 * }</pre>
 */
public final class ErrgroupSample implements Sample {
    @Override
    public String name() {
        return "errgroup";
    }

    @Override
    public String title() {
        return "errgroup: parallel fetches with a limit; the first failure cancels the rest";
    }

    /** A pretend fetch: takes a while, honours the context, and fails for "/broken". */
    static String fetch(Context ctx, String url, AtomicInteger running, AtomicInteger maxRunning)
            throws IOException, InterruptedException {
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            Time.sleep(ctx, url.equals("/broken") ? Duration.ofMillis(5)
                    : url.startsWith("/slow") ? Duration.ofSeconds(10) : Duration.ofMillis(20));
            if (url.equals("/broken")) {
                throw new IOException("GET " + url + ": 500 Internal Server Error");
            }
            return "<html>" + url + "</html>";
        } finally {
            running.decrementAndGet();
        }
    }

    @Override
    public void run(PrintStream out) throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();

        // All succeed.
        Map<String, String> pages = new ConcurrentHashMap<>();
        try (Scope scope = Scope.open()) {
            scope.limit(2);                                                // g.SetLimit(2)
            for (String url : List.of("/a", "/b", "/c", "/d", "/e")) {
                scope.go("fetch", () -> pages.put(url, fetch(scope.context(), url, running, maxRunning)));
            }
            scope.await();                                                 // g.Wait()
        }
        out.println("fetched " + pages.size() + " pages, at most 2 at once: " + (maxRunning.get() <= 2));

        // One fails: the others are cancelled, the failure is what await() throws.
        AtomicInteger cancelled = new AtomicInteger();
        try (Scope scope = Scope.open()) {
            for (String url : List.of("/slow1", "/broken", "/slow2")) {
                scope.go("fetch", () -> {
                    try {
                        fetch(scope.context(), url, running, maxRunning);
                    } catch (dev.weft.context.ContextException | InterruptedException e) {
                        cancelled.incrementAndGet();
                        throw e;
                    }
                });
            }
            scope.await();
        } catch (dev.weft.goroutine.GoroutineException e) {
            out.println("first failure: " + e.getCause().getMessage());
            out.println("cancelled siblings: " + cancelled.get());
        }
    }

    public static void main(String[] args) throws Exception {
        new ErrgroupSample().run(System.out);
    }
}
