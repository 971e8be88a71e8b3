package dev.weft.samples;

import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import dev.weft.time.Time;
import java.io.PrintStream;
import java.time.Duration;

/**
 * A production-ready worker pool ({@link WorkerPool}): four workers, a bounded queue, a timeout
 * per job, one job that fails and one that is too slow, metrics at the end, and a graceful
 * shutdown when the context is cancelled.
 *
 * <pre>{@code
 * // Go
 * jobs := make(chan Job, 8)
 * for w := 0; w < 4; w++ { go worker(ctx, jobs, results) }
 * }</pre>
 */
public final class WorkerPoolSample implements Sample {
    @Override
    public String name() {
        return "workerpool";
    }

    @Override
    public String title() {
        return "a worker pool: bounded queue, per-job timeout and failure, metrics, graceful shutdown";
    }

    /** The job: job 7 fails, job 13 is too slow for the 1 s timeout, the rest take 1-3 ms. */
    static String resize(Context ctx, Integer image) throws Exception {
        if (image == 7) {
            throw new IllegalArgumentException("image 7: unsupported format");
        }
        Time.sleep(ctx, Duration.ofMillis(image == 13 ? 10_000 : 1 + image % 3));
        return "thumb-" + image;
    }

    @Override
    public void run(PrintStream out) throws Exception {
        try (CancelContext ctx = Context.background().withCancel();
             WorkerPool<Integer, String> pool = WorkerPool.start(ctx, 4, 8, Duration.ofSeconds(1),
                     WorkerPoolSample::resize)) {
            Thread producer = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 1; i <= 30; i++) {
                        pool.submit(i);               // blocks while the queue is full
                    }
                    ctx.cancel();                     // SIGTERM, say: stop intake, drain
                    out.println("submit after shutdown accepted: " + pool.submit(31));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            int ok = 0;
            java.util.List<String> failures = new java.util.ArrayList<>();
            for (WorkerPool.Outcome<Integer, String> o : pool.results()) {
                if (o.ok()) {
                    ok++;
                } else {
                    failures.add("job " + o.job() + ": " + o.failure().getMessage());
                }
            }
            producer.join();
            java.util.Collections.sort(failures);
            out.println("results: " + ok + " ok, " + failures.size() + " failed");
            failures.forEach(f -> out.println("  " + f));
            WorkerPool.Metrics m = pool.metrics();
            out.println("metrics: " + m);
            out.printf("latency: p50=%dms p90=%dms p99=%dms%n", m.p50().toMillis(), m.p90().toMillis(),
                    m.p99().toMillis());
        }
    }

    public static void main(String[] args) throws Exception {
        new WorkerPoolSample().run(System.out);
    }
}
