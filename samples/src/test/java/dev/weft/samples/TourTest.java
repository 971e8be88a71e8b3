package dev.weft.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TourTest {

    private static List<String> output(Sample s) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            s.run(out);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void helloSampleSquaresThreeJobs() throws Exception {
        assertEquals(List.of("result 1", "result 4", "result 9"), output(new HelloSample()));
    }

    @Test
    void channelsSamplePrintsEachStep() throws Exception {
        assertEquals(List.of(
                "unbuffered: received ping",
                "buffered: len=2 cap=2",
                "range: sum of squares 1..5 = 55",
                "v, ok := <-buf  ->  a, true",
                "v, ok := <-buf  ->  b, true",
                "v, ok := <-buf  ->  null, false"), output(new ChannelsSample()));
    }

    @Test
    void selectSampleTimesOutDefaultsAndQuits() throws Exception {
        assertEquals(List.of(
                "timeout: no result within 50ms",
                "default: no message ready",
                "fibonacci: 0 1 1 2 3 5 8 13 21 34",
                "quit",
                "ctx.Done(): context deadline exceeded"), output(new SelectSample()));
    }

    @Test
    void sieveFindsThePrimesAndStopsItsGoroutines() throws Exception {
        assertEquals(List.of("first 25 primes: [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, "
                + "53, 59, 61, 67, 71, 73, 79, 83, 89, 97]"), output(new PrimeSieveSample()));
        List<Thread> goroutines = new java.util.ArrayList<>();
        assertEquals(List.of(2, 3, 5, 7, 11), PrimeSieveSample.primes(5, goroutines));
        assertEquals(6, goroutines.size(), "a generator and one filter per prime");
        assertTrue(goroutines.stream().noneMatch(Thread::isAlive), "sieve goroutines still alive");
    }

    @Test
    void goroutinesSampleWaitsForAllAndShowsWhatABlockedOneWaitsOn() throws Exception {
        assertEquals(List.of(
                "squares: [1, 4, 9, 16, 25]",
                "blocked goroutine sample.waiter#N waits on chan(cap=0, len=0)",
                "waiter got hello",
                "after join: alive=false"), output(new GoroutinesSample()));
    }

    @Test
    void contextSampleCancelsTimesOutAndCarriesValues() throws Exception {
        assertEquals(List.of(
                "worker 1: context canceled",
                "worker 2: context canceled",
                "worker 3: context canceled",
                "timeout: context deadline exceeded",
                "child deadline is the parent's: true",
                "child done before its parent's deadline: false",
                "handler sees request r-42"), output(new ContextSample()));
    }

    @Test
    void errgroupSampleLimitsAndCancelsOnFirstFailure() throws Exception {
        assertEquals(List.of(
                "fetched 5 pages, at most 2 at once: true",
                "first failure: GET /broken: 500 Internal Server Error",
                "cancelled siblings: 2"), output(new ErrgroupSample()));
    }

    @Test
    void rateSampleAllowsABurstThenPaces() throws Exception {
        assertEquals(List.of(
                "t=0ms:  allow allow allow deny deny deny",
                "t=100ms: allow deny",
                "5 paced events took at least 80ms: true",
                "waitN(2) with burst 1: rate: Wait(n=2) exceeds limiter's burst 1"), output(new RateLimitSample()));
    }

    @Test
    void breakerSampleTripsFailsFastAndRecovers() throws Exception {
        assertEquals(List.of(
                "call 1: failed (connection refused)",
                "call 2: failed (connection refused)",
                "  inventory: closed -> open",
                "call 3: failed (connection refused)",
                "call 4: rejected (circuit breaker is open)",
                "call 5: rejected (circuit breaker is open)",
                "  inventory: open -> half-open",
                "  inventory: half-open -> open",
                "call 6: failed (connection refused)",
                "  inventory: open -> half-open",
                "  inventory: half-open -> closed",
                "call 7: ok",
                "call 8: ok"), output(new BreakerSample()));
    }

    @Test
    void semaphoreSampleBoundsConnections() throws Exception {
        assertEquals(List.of(
                "bulk load ran alone: true",
                "10 queries, at most 3 connections at once: true",
                "release without acquire: semaphore: released more than held"), output(new SemaphoreSample()));
    }

    @Test
    void singleflightSampleFillsOnce() throws Exception {
        assertEquals(List.of(
                "loads from the database: 1",
                "callers served: 10, shared: 10, value: Ada Lovelace",
                "a later call loads again: loads=2, shared=false"), output(new SingleflightSample()));
    }

    @Test
    void timersSampleBeatsStopsAndTimesOut() throws Exception {
        assertEquals(List.of(
                "beat 1",
                "beat 2",
                "beat 3",
                "stopped in time: true",
                "no value after stop",
                "time.After fired"), output(new TimersSample()));
    }

    @Test
    void pipelineSampleSumsSquares() throws Exception {
        assertEquals(List.of("sum of squares 1..10 = 385"), output(new PipelineSample()));
    }

    @Test
    void fanOutSampleMergesFourWorkers() throws Exception {
        assertEquals(List.of("20 results merged from 4 workers"), output(new FanOutSample()));
    }

    @Test
    void workerPoolSampleReportsFailuresTimeoutsAndMetrics() throws Exception {
        List<String> lines = output(new WorkerPoolSample());
        assertEquals(List.of(
                "submit after shutdown accepted: false",
                "results: 28 ok, 2 failed",
                "  job 13: context deadline exceeded",
                "  job 7: image 7: unsupported format",
                "metrics: processed=28 failed=2 (timed out 1) inFlight=0 queueDepth=0"), lines.subList(0, 5));
        assertTrue(lines.get(5).matches("latency: p50=\\d+ms p90=\\d+ms p99=\\d+ms"), lines.get(5));
        assertEquals(6, lines.size());
    }

    @Test
    void workerPoolRejectsBadSettings() {
        var ctx = dev.weft.context.Context.background();
        WorkerPool.Work<Integer, Integer> w = (c, j) -> j;
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> WorkerPool.start(ctx, 0, 1, java.time.Duration.ofSeconds(1), w));
        assertEquals("workers must be at least 1: 0", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> WorkerPool.start(ctx, 1, -1, java.time.Duration.ofSeconds(1), w));
        assertEquals("queue capacity must not be negative: -1", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> WorkerPool.start(ctx, 1, 1, java.time.Duration.ZERO, w));
        assertEquals("job timeout must be positive: PT0S", e.getMessage());
    }

    @Test
    void httpServerShutsDownGracefullyAndDrainsItsWorkers() throws Exception {
        assertEquals(List.of(
                "queued job-1",
                "queued job-2",
                "queued job-3",
                "queued job-4",
                "queued job-5",
                "shutdown: context canceled",
                "server stopped",
                "workers drained: 5 jobs done",
                "POST /shutdown answered: shutting down"), output(new HttpShutdownSample()));
    }

    @Test
    void testKitSampleCatchesADeadlockAndALeakAndRunsTenMinutesVirtually() throws Exception {
        assertEquals(List.of(
                "caught: all goroutines are asleep - deadlock!",
                "leaked: forgotten-worker waiting on chan(cap=0, len=0)",
                "after close(jobs): no leaked goroutines",
                "timeout fired at virtual PT10M: context deadline exceeded",
                "real time under a minute: true"), output(new TestKitSample()));
    }

    @Test
    void batcherSampleFlushesOnSizeThenWhenIdleThenEndsOnClose() throws Exception {
        assertEquals(List.of(
                "flush (size): [a, b, c]",
                "flush (size): [d, e, f]",
                "flush (idle): [g]",
                "items closed: nothing pending"), output(new BatcherSample()));
    }

    @Test
    void sampleNamesAreUnique() {
        Set<String> names = new HashSet<>();
        for (Sample s : Tour.SAMPLES) {
            assertTrue(names.add(s.name()), "duplicate sample name " + s.name());
        }
    }
}
