package dev.weft.samples.guide;

import dev.weft.chan.Chan;
import dev.weft.chan.Select;
import dev.weft.context.Context;
import dev.weft.goroutine.Goroutine;
import dev.weft.time.Ticker;
import dev.weft.time.Time;
import dev.weft.time.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Snippets of docs/guide.md, "Timers and tickers". */
final class TimeGuide {
    private TimeGuide() {}

    static List<String> timers() throws InterruptedException {
        List<String> log = new CopyOnWriteArrayList<>();
        // [guide:timer]
        Timer t = Timer.start(Duration.ofMillis(10));            // t := time.NewTimer(10 * time.Millisecond)
        Instant fired = t.c().recv();                            // <-t.C
        t.reset(Duration.ofMinutes(1));                          // t.Reset(time.Minute)
        boolean stopped = t.stop();                              // true: no value will arrive now
        Timer later = Time.afterFunc(Duration.ofMillis(5), () -> log.add("ran"));   // time.AfterFunc
        // [/guide:timer]
        log.add(fired != null ? "fired" : "?");
        log.add("stopped " + stopped);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!log.contains("ran") && System.nanoTime() < deadline) {
            Thread.sleep(1);                                     // afterFunc runs on its own thread
        }
        later.stop();
        return log;
    }

    static int heartbeat() throws InterruptedException {
        Chan<Void> done = Chan.make();
        AtomicInteger beats = new AtomicInteger();
        Goroutine.go("stopper", () -> {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (beats.get() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            done.close();
        });
        // [guide:ticker]
        Ticker ticker = Ticker.start(Duration.ofMillis(5));      // ticker := time.NewTicker(5 * time.Millisecond)
        try {                                                    // defer ticker.Stop()
            boolean[] finished = {false};
            while (!finished[0]) {                               // for { select {
                Select.on()
                    .recv(ticker.c(), tick -> beats.incrementAndGet())   // case <-ticker.C: beat()
                    .recv(done, () -> finished[0] = true)        // case <-done: return
                    .run();
            }
        } finally {
            ticker.stop();
        }
        // [/guide:ticker]
        return beats.get();
    }

    static void sleeps() throws InterruptedException {
        // [guide:sleep]
        Thread.sleep(Duration.ofMillis(1));                      // time.Sleep(time.Millisecond)
        Time.sleep(Context.background(), Duration.ofMillis(1));  // select { case <-time.After(d): case <-ctx.Done(): }
        // [/guide:sleep]
    }
}
