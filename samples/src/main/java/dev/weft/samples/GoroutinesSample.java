package dev.weft.samples;

import dev.weft.chan.Chan;
import dev.weft.goroutine.Goroutine;
import dev.weft.goroutine.GoroutineInfo;
import dev.weft.sync.WaitGroup;
import java.io.PrintStream;

/**
 * Goroutines and WaitGroup: start workers, wait for all of them, and look at a goroutine that is
 * blocked, the way Go's goroutine profile shows it.
 *
 * <pre>{@code
 * // Go
 * var wg sync.WaitGroup
 * for i := 1; i <= 5; i++ {
 *     wg.Go(func() { results[i-1] = i * i })
 * }
 * wg.Wait()
 * }</pre>
 */
public final class GoroutinesSample implements Sample {
    @Override
    public String name() {
        return "goroutines";
    }

    @Override
    public String title() {
        return "goroutines and WaitGroup; a goroutine dump shows what each waits on";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        int[] results = new int[5];
        WaitGroup wg = new WaitGroup();
        for (int i = 1; i <= 5; i++) {
            int n = i;
            wg.go("square", () -> results[n - 1] = n * n);   // wg.Go(func() { ... })
        }
        wg.await();                                          // wg.Wait()
        out.println("squares: " + java.util.Arrays.toString(results));

        // A goroutine blocked on a channel, as the registry reports it.
        Chan<String> greeting = Chan.make();
        Goroutine g = Goroutine.go("sample.waiter", () -> out.println("waiter got " + greeting.recv()));
        GoroutineInfo info = awaitParked(g);
        out.println("blocked goroutine " + info.name().replaceAll("#\\d+", "#N")
                + " waits on " + info.waitingOn());
        greeting.send("hello");
        g.join();
        out.println("after join: alive=" + g.isAlive());
    }

    /** Polls the registry until {@code g} is parked on something. */
    private static GoroutineInfo awaitParked(Goroutine g) throws InterruptedException {
        for (;;) {
            for (GoroutineInfo i : Goroutine.snapshot()) {
                if (i.name().equals(g.name()) && i.waitingOn() != null) {
                    return i;
                }
            }
            Thread.sleep(1);
        }
    }

    public static void main(String[] args) throws Exception {
        new GoroutinesSample().run(System.out);
    }
}
