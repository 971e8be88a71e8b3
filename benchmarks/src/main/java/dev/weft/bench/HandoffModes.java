package dev.weft.bench;

import static dev.weft.bench.Workload.MESSAGES;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The spread of W1 and W2 per invocation, which JMH's averages hide. A hand-off between two
 * virtual threads settles into one of a few modes (both spinning on their own carriers, both
 * taking turns on one carrier, or parking and waking across carriers), each several times
 * slower than the last, and the mode can change between invocations. This prints, per
 * workload, the percentiles of ns per message over many invocations, and the first ones in
 * order, so a change to how channels wait can be judged by its modes, not only by a mean.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.weft.bench.HandoffModes [invocations]
 * </pre>
 */
public final class HandoffModes {
    private HandoffModes() {}

    /** Runs each workload (after 20 unmeasured invocations) and prints its spread. */
    public static void main(String[] args) throws Exception {
        int invocations = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        if (invocations < 10) {
            throw new IllegalArgumentException("invocations must be at least 10, got " + invocations);
        }
        Map<String, Goroutines.Body> workloads = new LinkedHashMap<>();
        // The JMH methods themselves, called directly: W1 and W2 keep no JMH state.
        WeftChannels weft = new WeftChannels();
        JdkQueues jdk = new JdkQueues();
        workloads.put("W1 pingpong, Weft", weft::W1_pingpong);
        workloads.put("W1 pingpong, SynchronousQueue", jdk::W1_pingpong);
        workloads.put("W2 spsc-unbuffered, Weft", weft::W2_spsc_unbuffered);
        workloads.put("W2 spsc-unbuffered, SynchronousQueue", jdk::W2_spsc_unbuffered);
        System.out.printf("%-38s %5s %5s %5s %5s   first invocations (ns per message)%n",
                "workload", "p10", "p50", "p90", "max");
        for (var e : workloads.entrySet()) {
            for (int i = 0; i < 20; i++) {
                e.getValue().run();
            }
            long[] ns = new long[invocations];
            for (int i = 0; i < invocations; i++) {
                long start = System.nanoTime();
                e.getValue().run();
                ns[i] = (System.nanoTime() - start) / MESSAGES;
            }
            long[] sorted = ns.clone();
            Arrays.sort(sorted);
            System.out.printf("%-38s %5d %5d %5d %5d   %s%n", e.getKey(), sorted[invocations / 10],
                    sorted[invocations / 2], sorted[invocations * 9 / 10], sorted[invocations - 1],
                    Arrays.toString(Arrays.copyOf(ns, 10)));
        }
    }
}
