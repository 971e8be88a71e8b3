package dev.weft.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shared heap of the system clock, on a private instance. */
class TimerQueueTest {
    @Test
    void runsActionsInDeadlineOrder() throws Exception {
        TimerQueue q = new TimerQueue();
        List<Integer> ran = new CopyOnWriteArrayList<>();
        Map<Integer, Long> whenOf = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(20);
        List<Integer> delays = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            delays.add(i);
        }
        Collections.shuffle(delays);
        for (int d : delays) {
            Cancellable c = q.schedule(TimeUnit.MILLISECONDS.toNanos(5L * d), () -> {
                ran.add(d);
                all.countDown();
            });
            whenOf.put(d, ((TimerQueue.Entry) c).when);
        }
        assertTrue(all.await(20, TimeUnit.SECONDS));
        for (int i = 1; i < ran.size(); i++) {
            assertTrue(whenOf.get(ran.get(i)) - whenOf.get(ran.get(i - 1)) >= 0,
                    "ran out of deadline order at " + i + ": " + ran);
        }
        assertEquals(0, q.size());
    }

    @Test
    void cancelRemovesAtOnceAndOnlyOnce() {
        TimerQueue q = new TimerQueue();
        List<Cancellable> handles = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            handles.add(q.schedule(TimeUnit.HOURS.toNanos(1) + i * 7919L % 1000, () -> { }));
        }
        assertEquals(10_000, q.size());
        Collections.shuffle(handles);
        for (Cancellable c : handles) {
            assertTrue(c.cancel());
            assertFalse(c.cancel());
        }
        assertEquals(0, q.size(), "cancelled timers do not pile up");
    }

    @Test
    void aFailingActionDoesNotStopTheThread() throws Exception {
        TimerQueue q = new TimerQueue();
        CountDownLatch later = new CountDownLatch(1);
        q.schedule(0, () -> { throw new IllegalStateException("expected in this test"); });
        q.schedule(TimeUnit.MILLISECONDS.toNanos(1), later::countDown);
        assertTrue(later.await(20, TimeUnit.SECONDS));
        Cancellable ran = q.schedule(0, () -> { });
        while (q.size() > 0) {
            Thread.onSpinWait();
        }
        assertFalse(ran.cancel(), "already ran");
    }
}
