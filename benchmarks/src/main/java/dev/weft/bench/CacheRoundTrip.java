package dev.weft.bench;

/**
 * The floor under W1 and W2: how long one value takes to go from one core to the other and back
 * when nothing else happens. Two platform threads bounce a counter through two volatile fields,
 * each on a cache line of its own; each waits for the other's write by spinning. A hand-off
 * over any channel needs at least one such one-way trip to find its waiting partner and one
 * for the partner to see the value, so one round trip here is about the least a W1 hop can
 * cost on the machine, whatever the channel (W2 can overlap some of its trips).
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.weft.bench.CacheRoundTrip [rounds]
 * </pre>
 */
public final class CacheRoundTrip {
    private CacheRoundTrip() {}

    /** Padding before the value: the JVM lays out a superclass's fields first. */
    @SuppressWarnings("unused") // the padding is read by nobody, on purpose
    abstract static class PadBefore {
        long p0, p1, p2, p3, p4, p5, p6;
    }

    /** The value, after PadBefore's 56 bytes. */
    abstract static class Value extends PadBefore {
        volatile long value;
    }

    /**
     * A volatile long with a cache line to itself: 56 bytes of padding on each side, spread
     * over three classes because the JVM may reorder the fields of one class.
     */
    @SuppressWarnings("unused")
    static final class Line extends Value {
        long q0, q1, q2, q3, q4, q5, q6;
    }

    /** Runs a few measured rounds of 5,000,000 round trips each and prints ns per round trip. */
    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        if (Runtime.getRuntime().availableProcessors() < 2) {
            throw new IllegalStateException("needs two cores: with one, the spinners take turns");
        }
        final long trips = 5_000_000;
        for (int r = 0; r < rounds; r++) {
            System.out.printf("round trip between two cores: %.1f ns%n", roundTrip(trips));
        }
    }

    /** Average ns for one value to go there and back, over {@code trips} trips. */
    static double roundTrip(long trips) throws InterruptedException {
        Line ping = new Line();
        Line pong = new Line();
        Thread echo = new Thread(() -> {
            for (long i = 1; i <= trips; i++) {
                while (ping.value != i) {
                    Thread.onSpinWait();
                }
                pong.value = i;
            }
        }, "echo");
        echo.start();
        long start = System.nanoTime();
        for (long i = 1; i <= trips; i++) {
            ping.value = i;
            while (pong.value != i) {
                Thread.onSpinWait();
            }
        }
        long ns = System.nanoTime() - start;
        echo.join();
        return ns / (double) trips;
    }
}
