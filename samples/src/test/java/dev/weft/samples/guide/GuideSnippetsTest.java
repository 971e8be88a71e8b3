package dev.weft.samples.guide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.context.Context;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the snippets quoted in docs/guide.md and checks that they do what the guide says. */
class GuideSnippetsTest {

    // ---------------------------------------------------------------- goroutines

    @Test
    void goStartsADetachedGoroutine() throws InterruptedException {
        assertEquals("hello", GoroutinesGuide.goStatement());
    }

    @Test
    void waitGroupWaitsForEveryGoroutine() throws InterruptedException {
        assertArrayEquals(new int[] {0, 1, 4, 9, 16}, GoroutinesGuide.waitGroup());
        assertEquals(42, GoroutinesGuide.addDone());
    }

    @Test
    void scopeJoinsItsGoroutines() throws InterruptedException {
        assertEquals(Map.of("go", 2, "java", 4), GoroutinesGuide.scope(List.of("go", "java")));
    }

    @Test
    void jdkExecutorRunsAVirtualThreadPerTask() throws Exception {
        assertEquals(42, GoroutinesGuide.jdkExecutor());
    }

    @Test
    void dumpShowsABlockedGoroutine() throws InterruptedException {
        String dump = GoroutinesGuide.dump();
        assertTrue(dump.contains("sleeper#"), dump);
    }

    // ---------------------------------------------------------------- channels

    @Test
    void channelBasics() throws InterruptedException {
        assertEquals(List.of("ping", "2/2", "a"), ChannelsGuide.basics());
        assertEquals(55, ChannelsGuide.rangeOverClose());
    }

    @Test
    void receiveWithOkAndClosedChannelMisuse() throws InterruptedException {
        assertEquals(List.of("last", "null false", "receive from closed channel",
                "send on closed channel", "close of closed channel"), ChannelsGuide.receiveOk());
    }

    @Test
    void tryOpsAndSignals() throws InterruptedException {
        assertEquals(List.of(true, 1, true), ChannelsGuide.tryOps());
        assertTrue(ChannelsGuide.signal());
    }

    // ---------------------------------------------------------------- select

    @Test
    void selectTimeoutAndDefault() throws InterruptedException {
        assertEquals(List.of("timeout", "no message"), SelectGuide.timeoutAndDefault());
    }

    @Test
    void selectLoopWithQuitChannel() throws InterruptedException {
        assertEquals(List.of(0L, 1L, 1L, 2L, 3L, 5L, 8L, 13L, 21L, 34L), SelectGuide.quit());
    }

    @Test
    void nilChannelsDropClosedCases() throws InterruptedException {
        assertEquals(66, SelectGuide.nilChannels());
    }

    @Test
    void selectOnContextDone() throws InterruptedException {
        assertEquals("stopped: context deadline exceeded / DeadlineExceededException", SelectGuide.contextDone());
    }

    // ---------------------------------------------------------------- sync

    @Test
    void onceRunsOnce() {
        assertEquals(2, SyncGuide.once());
    }

    @Test
    void locksConditionsAtomicsAndMaps() throws InterruptedException {
        SyncGuide.Counter c = new SyncGuide.Counter();
        c.inc("a");
        c.inc("a");
        assertEquals(2, c.get("a"));
        SyncGuide.Cache cache = new SyncGuide.Cache();
        cache.put("k", "v");
        assertEquals("v", cache.get("k"));
        assertEquals(100, SyncGuide.atomics());
        assertEquals(4, SyncGuide.concurrentMap());
        SyncGuide.Mailbox box = new SyncGuide.Mailbox();
        String[] taken = new String[1];
        Thread taker = Thread.ofVirtual().start(() -> {
            try {
                taken[0] = box.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        box.put("mail");
        taker.join();
        assertEquals("mail", taken[0]);
    }

    @Test
    void semaphoreBoundsConcurrency() throws InterruptedException {
        int max = SyncGuide.semaphore();
        assertTrue(max >= 1 && max <= 3, "max in use " + max);
        assertEquals(4, SyncGuide.jdkSemaphore());
    }

    @Test
    void singleflightSharesCalls() throws InterruptedException {
        assertEquals("Ada Grace false", SyncGuide.singleflight());
    }

    // ---------------------------------------------------------------- context

    @Test
    void contextCancelTimeoutDeadlineValues() throws InterruptedException {
        assertEquals(List.of("worker: context canceled"), ContextGuide.cancel());
        assertEquals("gave up: context deadline exceeded", ContextGuide.timeout());
        assertTrue(ContextGuide.deadline());
        assertEquals("r-42", ContextGuide.values());
    }

    @Test
    void contextCauseAfterFuncWithoutCancel() throws InterruptedException {
        assertEquals(List.of(true, "peer reset", "too slow"), ContextGuide.cause());
        assertEquals(List.of(false, false, "r-7"), ContextGuide.afterFuncAndWithoutCancel());
    }

    // ---------------------------------------------------------------- errgroup

    @Test
    void errgroupFetchesAndFailsFast() throws InterruptedException {
        assertEquals(3, ErrgroupGuide.fetchAll(Context.background(), List.of("/a", "/b", "/c")).size());
        assertEquals("GET /broken: 500", ErrgroupGuide.firstFailure());
        assertEquals("<html>/</html><html>/about</html>", ErrgroupGuide.async());
        assertEquals(1, ErrgroupGuide.tryGo());
    }

    // ---------------------------------------------------------------- patterns

    @Test
    void workerPoolPipelineFanOutFanIn() throws InterruptedException {
        assertEquals(2 * 55, PatternsGuide.workerPool(10));
        assertEquals(385, PatternsGuide.pipeline(10));
        assertEquals(385, PatternsGuide.handWritten(10));
        assertEquals(20, PatternsGuide.fanOut(20));
        assertEquals(2 * 55, PatternsGuide.fanIn(10));
    }

    // ---------------------------------------------------------------- time

    @Test
    void timersAndTickers() throws InterruptedException {
        assertEquals(List.of("fired", "stopped true", "ran"), TimeGuide.timers());
        assertTrue(TimeGuide.heartbeat() >= 3);
        TimeGuide.sleeps();
    }

    // ---------------------------------------------------------------- resilience

    @Test
    void rateLimiter() throws InterruptedException {
        assertEquals("YYYnnY", ResilienceGuide.allow());
        assertEquals(List.of(false, true), ResilienceGuide.waitAndReserve());
    }

    @Test
    void circuitBreaker() {
        assertEquals(List.of("failed: connection refused", "failed: connection refused",
                "inventory: closed -> open", "failed: connection refused",
                "rejected: circuit breaker is open"), ResilienceGuide.breaker());
        assertEquals("1 success", ResilienceGuide.twoStep());
    }

    // ---------------------------------------------------------------- errors and practices

    @Test
    void errorsAndRecovery() throws InterruptedException {
        assertEquals("recovered: send on closed channel", ErrorsGuide.recover());
        assertEquals("scope failed: For input string: \"forty-two\"", ErrorsGuide.scopeFailure());
        List<String> seen = ErrorsGuide.uncaught();
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).matches("detached#\\d+: java.lang.IllegalStateException: boom"), seen.get(0));
    }

    @Test
    void bestPractices() throws InterruptedException {
        assertEquals(List.of("A", "B", "false"), PracticesGuide.run());
    }
}
