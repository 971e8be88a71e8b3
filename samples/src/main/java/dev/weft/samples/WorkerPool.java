package dev.weft.samples;

import dev.weft.chan.Chan;
import dev.weft.chan.RecvChan;
import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import dev.weft.context.ContextException;
import dev.weft.context.DeadlineExceededException;
import dev.weft.goroutine.Scope;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A worker pool as a production service would have it: a fixed number of workers, a bounded job
 * queue (submit blocks when it is full: back-pressure), a timeout per job, failures kept per
 * job, results on a channel, metrics, and a graceful shutdown: cancelling the pool's context
 * stops intake, the workers finish what is queued, then the results channel closes.
 *
 * <pre>{@code
 * try (WorkerPool<Integer, String> pool = WorkerPool.start(ctx, 4, 16, Duration.ofMillis(50), work)) {
 *     pool.submit(42);
 *     for (WorkerPool.Outcome<Integer, String> o : pool.results()) { ... }
 * }
 * }</pre>
 *
 * @param <J> job type
 * @param <R> result type
 */
public final class WorkerPool<J, R> implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WorkerPool.class.getName());

    /** The work done for one job; it should give up when {@code ctx} is done. */
    @FunctionalInterface
    public interface Work<J, R> {
        R apply(Context ctx, J job) throws Exception;
    }

    /** What became of one job: a result, or the failure (a timeout is a DeadlineExceededException). */
    public record Outcome<J, R>(J job, R result, Throwable failure, long latencyNanos) {
        public boolean ok() {
            return failure == null;
        }
    }

    private final CancelContext intake;          // cancelled: no more submits
    private final Chan<J> queue;
    private final Chan<Outcome<J, R>> results;
    private final Scope scope;
    private final Duration jobTimeout;
    private final Work<J, R> work;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final Latencies latencies = new Latencies();

    private WorkerPool(Context parent, int workers, int queueCapacity, Duration jobTimeout, Work<J, R> work) {
        this.intake = parent.withCancel();
        this.queue = Chan.make(queueCapacity);
        this.results = Chan.make(queueCapacity);
        this.scope = Scope.open(parent.withoutCancel());   // workers drain even after cancel
        this.jobTimeout = jobTimeout;
        this.work = work;
        LOG.log(Level.INFO, "worker pool starting: {0} workers, queue {1}", workers, queueCapacity);
        AtomicInteger running = new AtomicInteger(workers);
        for (int i = 0; i < workers; i++) {
            if (!scope.tryGo("pool.worker", () -> {
                try {
                    for (J job : queue) {       // ends when the queue is closed and drained
                        results.send(process(job));
                    }
                } finally {
                    if (running.decrementAndGet() == 0) {
                        results.close();        // the last worker out closes the results
                        LOG.log(Level.INFO, "worker pool stopped: {0} processed, {1} failed",
                                processed.get(), failed.get());
                    }
                }
            })) {
                throw new AssertionError("unreachable: a scope without limit refused a goroutine");
            }
        }
        // Graceful shutdown: when the intake context ends, close the queue; workers drain it.
        intake.afterFunc(queue::close);
    }

    /**
     * Starts a pool.
     *
     * @throws IllegalArgumentException if workers is not positive, the queue capacity is
     *     negative or the job timeout is not positive
     */
    public static <J, R> WorkerPool<J, R> start(Context ctx, int workers, int queueCapacity,
            Duration jobTimeout, Work<J, R> work) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(work, "work");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("queue capacity must not be negative: " + queueCapacity);
        }
        if (jobTimeout == null || jobTimeout.isNegative() || jobTimeout.isZero()) {
            throw new IllegalArgumentException("job timeout must be positive: " + jobTimeout);
        }
        return new WorkerPool<>(ctx, workers, queueCapacity, jobTimeout, work);
    }

    /**
     * Queues a job, blocking while the queue is full.
     *
     * @return false if the pool is shutting down and took no job
     */
    public boolean submit(J job) throws InterruptedException {
        Objects.requireNonNull(job, "job");
        if (intake.isDone()) {
            return false;
        }
        try {
            queue.send(intake, job);
            return true;
        } catch (ContextException | dev.weft.chan.ChannelClosedException e) {
            return false;   // shut down while waiting for room
        }
    }

    /** Results, in completion order; closed after the last worker has stopped. */
    public RecvChan<Outcome<J, R>> results() {
        return results;
    }

    /** Stops intake; queued jobs are still processed. */
    public void shutdown() {
        intake.cancel();
    }

    /** Shuts down and waits for the workers to finish the queue. */
    @Override
    public void close() {
        shutdown();
        try {
            scope.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            scope.close();
        }
    }

    private Outcome<J, R> process(J job) {
        inFlight.incrementAndGet();
        long start = System.nanoTime();
        try (CancelContext ctx = scope.context().withTimeout(jobTimeout)) {
            R r = work.apply(ctx, job);
            processed.incrementAndGet();
            return new Outcome<>(job, r, null, latencies.record(System.nanoTime() - start));
        } catch (Exception e) {
            failed.incrementAndGet();
            if (e instanceof DeadlineExceededException) {
                timedOut.incrementAndGet();
            }
            LOG.log(Level.DEBUG, "job {0} failed: {1}", job, e);
            return new Outcome<>(job, null, e, latencies.record(System.nanoTime() - start));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** A snapshot of the pool's counters. */
    public record Metrics(long processed, long failed, long timedOut, int inFlight, int queueDepth,
                          Duration p50, Duration p90, Duration p99) {
        @Override
        public String toString() {
            return "processed=" + processed + " failed=" + failed + " (timed out " + timedOut + ")"
                    + " inFlight=" + inFlight + " queueDepth=" + queueDepth;
        }
    }

    public Metrics metrics() {
        return new Metrics(processed.get(), failed.get(), timedOut.get(), inFlight.get(), queue.len(),
                latencies.percentile(50), latencies.percentile(90), latencies.percentile(99));
    }

    /** Latencies of the last 1024 jobs, for percentiles. */
    private static final class Latencies {
        private final AtomicLongArray ring = new AtomicLongArray(1024);
        private final AtomicLong count = new AtomicLong();

        long record(long nanos) {
            ring.set((int) (count.getAndIncrement() & 1023), nanos);
            return nanos;
        }

        Duration percentile(int p) {
            int n = (int) Math.min(count.get(), ring.length());
            if (n == 0) {
                return Duration.ZERO;
            }
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = ring.get(i);
            }
            Arrays.sort(v);
            return Duration.ofNanos(v[Math.min(n - 1, (int) Math.ceil(p / 100.0 * n) - 1)]);
        }
    }
}
