package dev.weft.samples;

import dev.weft.chan.Chan;
import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import dev.weft.goroutine.Goroutine;
import dev.weft.goroutine.GoroutineInfo;
import dev.weft.test.Bubble;
import dev.weft.test.DeadlockError;
import dev.weft.test.LeakFilter;
import dev.weft.test.Leaks;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The test kit (module {@code weft-test}) catching what Go only finds at run time: a deadlock
 * ("all goroutines are asleep - deadlock!"), a leaked goroutine (uber-go/goleak), and a
 * ten-minute timeout run in virtual time (Go's testing/synctest). In JUnit 5 the same checks
 * are {@code @WeftTest} and {@code @CheckLeaks}; see docs/testing.md.
 */
public final class TestKitSample implements Sample {
    @Override
    public String name() {
        return "testkit";
    }

    @Override
    public String title() {
        return "the test kit catching a deadlock and a leak, and a 10-minute timeout in virtual time";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        // A deadlock: an unbuffered send that no goroutine will ever receive.
        try {
            Bubble.run(() -> {
                Chan<String> ch = Chan.make();
                ch.send("nobody is listening");
            });
        } catch (DeadlockError e) {
            out.println("caught: " + e.getMessage().lines().findFirst().orElseThrow());
        }

        // A leak: a worker ranging over a channel nobody closes.
        LeakFilter before = Leaks.ignoreCurrent();
        Chan<Integer> jobs = Chan.make();
        Goroutine.go("forgotten-worker", () -> {
            for (int job : jobs) {
                out.println("job " + job);
            }
        });
        awaitParked("forgotten-worker");
        List<GoroutineInfo> leaked = Leaks.find(Duration.ofMillis(100), before);
        for (GoroutineInfo g : leaked) {
            out.println("leaked: " + g.name().replaceAll("#\\d+", "") + " waiting on " + g.waitingOn());
        }
        jobs.close();                 // the fix: close(jobs) ends the range
        Leaks.verifyNone(before);
        out.println("after close(jobs): no leaked goroutines");

        // Virtual time: a ten-minute timeout, with no real ten minutes.
        long start = System.nanoTime();
        Bubble.run(() -> {
            try (CancelContext ctx = Context.background().withTimeout(Duration.ofMinutes(10))) {
                ctx.done().recvOk();
                out.println("timeout fired at virtual " + Bubble.clock().elapsed() + ": " + ctx.err().getMessage());
            }
        });
        out.println("real time under a minute: " + (System.nanoTime() - start < 60_000_000_000L));
    }

    /** Polls the registry until the goroutine named {@code name} is parked on something. */
    private static void awaitParked(String name) throws InterruptedException {
        for (;;) {
            for (GoroutineInfo g : dev.weft.goroutine.Goroutine.snapshot()) {
                if (g.name().startsWith(name + "#") && g.waitingOn() != null) {
                    return;
                }
            }
            Thread.sleep(1);
        }
    }

    public static void main(String[] args) throws Exception {
        new TestKitSample().run(System.out);
    }
}
