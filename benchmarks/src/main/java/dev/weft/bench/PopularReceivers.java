package dev.weft.bench;

import static dev.weft.bench.Workload.POPULAR_ROUNDS;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * W7's receivers, shared by the three systems. Each receiver takes {@link
 * Workload#POPULAR_ROUNDS} values (the timed part), counts itself served, then waits for one more
 * value, which the tear-down sends so that no thread ends inside the timed part.
 */
final class PopularReceivers {
    private final Goroutines goroutines = new Goroutines();
    private final CountDownLatch started;
    private final CountDownLatch served;

    private PopularReceivers(int n) {
        started = new CountDownLatch(n);
        served = new CountDownLatch(n);
    }

    /**
     * Starts {@code n} receivers, the i-th calling {@code receiveOne.apply(i)} for each value,
     * and returns once each has started (each is then at, or about to reach, its first receive).
     */
    static PopularReceivers start(int n, IntFunction<Goroutines.Body> receiveOne)
            throws InterruptedException {
        var p = new PopularReceivers(n);
        for (int i = 0; i < n; i++) {
            Goroutines.Body recv = receiveOne.apply(i);
            p.goroutines.go("receiver-" + i, () -> {
                p.started.countDown();
                for (int r = 0; r < POPULAR_ROUNDS; r++) {
                    recv.run();
                }
                p.served.countDown();
                recv.run();
            });
        }
        await(p.started, "start");
        return p;
    }

    /**
     * Waits until every receiver took its {@link Workload#POPULAR_ROUNDS} values: the sender's
     * last send returning does not mean its receiver has run yet.
     */
    void awaitServed() throws InterruptedException {
        await(served, "take their values");
    }

    /** Joins the receivers once the tear-down sent each its last value. */
    void join() throws InterruptedException {
        goroutines.join();
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(Goroutines.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("W7 receivers did not " + what + " within "
                    + Goroutines.TIMEOUT + " (lost wake-up?)");
        }
    }
}
