package dev.weft.samples.guide;

import dev.weft.chan.Chan;
import dev.weft.chan.RecvChan;
import dev.weft.chan.Select;
import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import dev.weft.context.ContextException;
import dev.weft.goroutine.Goroutine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Snippets of docs/guide.md, "Select". */
final class SelectGuide {
    private SelectGuide() {}

    static List<String> timeoutAndDefault() throws InterruptedException {
        List<String> log = new ArrayList<>();
        Chan<String> results = Chan.make();
        Chan<String> messages = Chan.make();
        // [guide:timeout]
        Select.on()
            .recv(results, r -> log.add("result " + r))                    // case r := <-results:
            .after(Duration.ofMillis(20), () -> log.add("timeout"))        // case <-time.After(20ms):
            .run();
        // [/guide:timeout]
        // [guide:default]
        Select.on()
            .recv(messages, m -> log.add("message " + m))
            .orElse(() -> log.add("no message"))                           // default:
            .run();
        // [/guide:default]
        return log;
    }

    /** Go's fibonacci loop with a quit channel; the case index ends the loop. */
    static List<Long> quit() throws InterruptedException {
        List<Long> got = new ArrayList<>();
        Chan<Long> c = Chan.make();
        Chan<Void> quit = Chan.make();
        Goroutine.go("consumer", () -> {
            for (int i = 0; i < 10; i++) {
                got.add(c.recv());
            }
            quit.close();
        });
        // [guide:quit]
        long[] xy = {0, 1};                    // a lambda cannot assign a local: hold state in an array
        for (;;) {
            int chosen = Select.on()
                .send(c, xy[0], () -> {        // case c <- x:
                    long x = xy[0];
                    xy[0] = xy[1];
                    xy[1] = x + xy[1];
                })
                .recv(quit, () -> { })         // case <-quit:
                .run();                        // returns the number of the case that ran
            if (chosen == 1) {
                break;                         // return
            }
        }
        // [/guide:quit]
        return got;
    }

    // [guide:nil]
    /** Sums two inputs until both are closed: Go's "set a closed channel to nil". */
    static final class Merge {
        RecvChan<Integer> a;
        RecvChan<Integer> b;
        long sum;

        long run() throws InterruptedException {
            while (a != null || b != null) {
                Select.on()                                 // a case on a null channel never fires
                    .recvOk(a, (v, ok) -> { if (ok) sum += v; else a = null; })
                    .recvOk(b, (v, ok) -> { if (ok) sum += v; else b = null; })
                    .run();
            }
            return sum;
        }
    }
    // [/guide:nil]

    static long nilChannels() throws InterruptedException {
        Chan<Integer> a = Chan.make(4);
        Chan<Integer> b = Chan.make(4);
        for (int i = 1; i <= 3; i++) {
            a.send(i);
            b.send(10 * i);
        }
        a.close();
        b.close();
        Merge m = new Merge();
        m.a = a;
        m.b = b;
        return m.run();
    }

    static String contextDone() throws InterruptedException {
        Chan<String> jobs = Chan.make();
        String[] outcome = {""};
        try (CancelContext ctx = Context.background().withTimeout(Duration.ofMillis(20))) {
            // [guide:ctxdone]
            Select.on()
                .recv(jobs, j -> outcome[0] = "job " + j)
                .recv(ctx.done(), () -> outcome[0] = "stopped: " + ctx.err().getMessage())   // case <-ctx.Done():
                .run();
            // [/guide:ctxdone]
            try {
                // [guide:runctx]
                Select.on()
                    .recv(jobs, j -> outcome[0] = "job " + j)
                    .run(ctx);                  // throws ctx's ContextException when ctx is done
                // [/guide:runctx]
            } catch (ContextException e) {
                outcome[0] += " / " + e.getClass().getSimpleName();
            }
        }
        return outcome[0];
    }
}
