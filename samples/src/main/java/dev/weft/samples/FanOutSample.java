package dev.weft.samples;

import dev.weft.annotation.Go;
import dev.weft.annotation.Out;
import dev.weft.chan.RecvChan;
import dev.weft.chan.SendChan;
import dev.weft.context.Context;
import dev.weft.goroutine.Scope;
import java.io.PrintStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fan-out and fan-in in one declaration: {@code @Go(workers = 4)} starts four copies of a stage
 * on the same input channel and merges their outputs into one channel, closed after the last
 * copy ends.
 *
 * <pre>{@code
 * // Go: start n workers reading jobs, a WaitGroup, and a goroutine that closes results
 * for i := 0; i < 4; i++ { wg.Add(1); go func() { defer wg.Done(); work(jobs, results) }() }
 * go func() { wg.Wait(); close(results) }()
 * }</pre>
 */
public final class FanOutSample implements Sample {
    /** Names of the worker goroutines that took part. */
    final Set<String> workers = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
        return "fanout";
    }

    @Override
    public String title() {
        return "fan-out/fan-in: @Go(workers = 4) over one job channel, one merged output";
    }

    /** Emits the job ids 1..n. */
    @Go(buffer = 16)
    static void jobs(int n, @Out SendChan<Integer> out) throws InterruptedException {
        for (int i = 1; i <= n; i++) {
            out.send(i);
        }
    }

    /** One of four workers: each job takes a moment, so all four get some. */
    @Go(workers = 4)
    void work(Context ctx, RecvChan<Integer> jobs, @Out SendChan<String> results) throws InterruptedException {
        workers.add(Thread.currentThread().getName());   // "FanOutSample.work#<seq>"
        for (int job : jobs) {
            Thread.sleep(2);
            results.send(ctx, "job " + job + " done");
        }
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Set<String> done = new TreeSet<>();
        try (Scope scope = Scope.open()) {
            RecvChan<String> results = FanOutSampleGo.work(scope, this, FanOutSampleGo.jobs(scope, 20));
            for (String r : results) {        // ends when all four workers are done
                done.add(r);
            }
            scope.await();
        }
        out.println(done.size() + " results merged from " + workers.size() + " workers");
    }

    public static void main(String[] args) throws Exception {
        new FanOutSample().run(System.out);
    }
}
