package dev.weft.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** W7's set-up, shared by the three systems: start the receivers and wait until all run. */
final class PopularReceivers {
    private PopularReceivers() {}

    /**
     * Starts {@code n} goroutines, the i-th running {@code body.apply(i)}, and returns once each
     * has started (each is then at, or about to reach, its first blocking receive).
     */
    static Goroutines start(int n, IntFunction<Goroutines.Body> body) throws InterruptedException {
        var g = new Goroutines();
        var started = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            Goroutines.Body b = body.apply(i);
            g.go("receiver-" + i, () -> {
                started.countDown();
                b.run();
            });
        }
        if (!started.await(Goroutines.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("W7 receivers did not start within "
                    + Goroutines.TIMEOUT);
        }
        return g;
    }
}
