package dev.weft.bench;

import static dev.weft.bench.Workload.MESSAGES;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The spread of W1 and W2 per invocation, which JMH's means hide. A hand-off between two
 * virtual threads settles into one of a few modes (both spinning on their own carriers, both
 * taking turns on one carrier, or parking and waking across carriers), each several times
 * slower than the last, and the mode can change between invocations and between JVMs. So this
 * runs Weft's and the JDK's invocations of one workload alternately in one JVM, where both
 * meet the same machine, and prints for each the percentiles of ns per message and the first
 * invocations in order.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.weft.bench.HandoffModes [invocations]
 * </pre>
 */
public final class HandoffModes {
    private HandoffModes() {}

    /** Runs each workload pair, alternating (after 20 unmeasured rounds), and prints its spread. */
    public static void main(String[] args) throws Exception {
        int invocations = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        if (invocations < 10) {
            throw new IllegalArgumentException("invocations must be at least 10, got " + invocations);
        }
        // The JMH methods themselves, called directly: W1 and W2 keep no JMH state.
        WeftChannels weft = new WeftChannels();
        JdkQueues jdk = new JdkQueues();
        Map<String, Goroutines.Body[]> pairs = new LinkedHashMap<>();
        pairs.put("W1 pingpong", new Goroutines.Body[] {weft::W1_pingpong, jdk::W1_pingpong});
        pairs.put("W2 spsc-unbuffered",
                new Goroutines.Body[] {weft::W2_spsc_unbuffered, jdk::W2_spsc_unbuffered});
        String[] systems = {"Weft", "SynchronousQueue"};
        System.out.printf("%-38s %5s %5s %5s %5s   first invocations (ns per message)%n",
                "workload", "p10", "p50", "p90", "max");
        for (var e : pairs.entrySet()) {
            Goroutines.Body[] pair = e.getValue();
            for (int i = 0; i < 20; i++) {
                pair[i % 2].run();
            }
            long[][] ns = new long[2][invocations];
            for (int i = 0; i < invocations; i++) {
                for (int k = 0; k < 2; k++) {
                    long start = System.nanoTime();
                    pair[k].run();
                    ns[k][i] = (System.nanoTime() - start) / MESSAGES;
                }
            }
            for (int k = 0; k < 2; k++) {
                long[] sorted = ns[k].clone();
                Arrays.sort(sorted);
                System.out.printf("%-38s %5d %5d %5d %5d   %s%n", e.getKey() + ", " + systems[k],
                        sorted[invocations / 10], sorted[invocations / 2],
                        sorted[invocations * 9 / 10], sorted[invocations - 1],
                        Arrays.toString(Arrays.copyOf(ns[k], 10)));
            }
        }
    }
}
