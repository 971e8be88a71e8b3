package dev.weft.samples.guide;

import dev.weft.chan.Chan;
import dev.weft.chan.RecvChan;
import dev.weft.context.Context;
import dev.weft.goroutine.GoroutineException;
import dev.weft.goroutine.Handle;
import dev.weft.goroutine.Scope;
import dev.weft.time.Time;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Snippets of docs/guide.md, "errgroup: scopes". */
final class ErrgroupGuide {
    private ErrgroupGuide() {}

    /** A pretend fetch: fails for "/broken", takes long for "/slow", honours the context. */
    static String fetch(Context ctx, String url) throws IOException, InterruptedException {
        if (url.equals("/broken")) {
            throw new IOException("GET " + url + ": 500");
        }
        Time.sleep(ctx, url.equals("/slow") ? Duration.ofMinutes(1) : Duration.ofMillis(1));
        return "<html>" + url + "</html>";
    }

    static Map<String, String> fetchAll(Context parent, List<String> urls) throws InterruptedException {
        // [guide:errgroup]
        Map<String, String> pages = new ConcurrentHashMap<>();
        try (Scope scope = Scope.open(parent)) {                 // g, ctx := errgroup.WithContext(parent)
            scope.limit(2);                                      // g.SetLimit(2)
            for (String url : urls) {
                scope.go("fetch", () -> pages.put(url, fetch(scope.context(), url)));   // g.Go(func() error {...})
            }
            scope.await();                                       // if err := g.Wait(); err != nil {...}
        }
        // [/guide:errgroup]
        return pages;
    }

    static String firstFailure() throws InterruptedException {
        try {
            fetchAll(Context.background(), List.of("/slow", "/broken", "/slow"));
            return "no failure";
        } catch (GoroutineException e) {                         // a checked failure, wrapped
            return e.getCause().getMessage();
        }
    }

    static String async() throws InterruptedException {
        // [guide:async]
        try (Scope scope = Scope.open()) {
            Handle<String> home = scope.async("home", () -> fetch(scope.context(), "/"));
            Handle<String> about = scope.async("about", () -> fetch(scope.context(), "/about"));
            return home.join() + about.join();                   // value, or the goroutine's failure
        }
        // [/guide:async]
    }

    /** A pretend flush that lasts until the gate closes. */
    static void flush(RecvChan<Void> gate) throws InterruptedException {
        gate.recvOk();
    }

    static int tryGo() throws InterruptedException {
        int started = 0;
        Chan<Void> gate = Chan.make();
        try (Scope scope = Scope.open()) {
            scope.limit(1);
            for (int i = 0; i < 2; i++) {
                // [guide:trygo]
                if (scope.tryGo("flush", () -> flush(gate))) {   // if g.TryGo(f) {...}: false at the limit
                    started++;
                }
                // [/guide:trygo]
            }
            gate.close();
            scope.await();
        }
        return started;
    }
}
