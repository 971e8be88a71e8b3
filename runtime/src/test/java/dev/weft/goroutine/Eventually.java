package dev.weft.goroutine;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition observed from outside (a thread parked, a count reached), bounded. */
final class Eventually {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(20);

    private Eventually() {}

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting until " + what);
            }
            LockSupport.parkNanos(200_000);
        }
    }

    /** Until {@code t} is parked with {@code blocker} as its blocker. */
    static void parkedOn(Thread t, Object blocker) {
        until(t.getName() + " parks on " + blocker, () -> LockSupport.getBlocker(t) == blocker
                && (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING));
    }
}
