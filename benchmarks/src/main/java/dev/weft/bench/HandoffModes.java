package dev.weft.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The spread of W1 and W2 per invocation, which JMH's means hide. A hand-off between two
 * virtual threads settles into one of a few modes (both spinning on their own carriers, both
 * taking turns on one carrier, or parking and waking across carriers), each several times
 * slower than the last, and the mode can change between invocations and between JVMs. So this
 * runs Weft's and the JDK's invocations of one workload alternately in one JVM, where both
 * meet the same machine ({@link Interleaved}'s rounds, without Jox), and prints for each the
 * percentiles of ns per message and the first invocations in order.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.weft.bench.HandoffModes [invocations]
 * </pre>
 */
public final class HandoffModes {
    private HandoffModes() {}

    /** Runs W1 and W2 for Weft and the JDK, alternating (after 10 unmeasured rounds). */
    public static void main(String[] args) throws Exception {
        int invocations = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        if (invocations < 10) {
            throw new IllegalArgumentException("invocations must be at least 10, got " + invocations);
        }
        String[] systems = {"Weft", "SynchronousQueue"};
        System.out.printf("%-38s %5s %5s %5s %5s   first invocations (ns per message)%n",
                "workload", "p10", "p50", "p90", "max");
        for (Interleaved.Case c : Interleaved.cases()) {
            if (!c.name().startsWith("W1 ") && !c.name().startsWith("W2 ")) {
                continue;
            }
            Interleaved.Trial[] weftAndJdk = Arrays.copyOf(c.trials(), 2);
            var m = Interleaved.measure(new Interleaved.Case(c.name(), c.messages(), weftAndJdk),
                    invocations);
            for (int k = 0; k < 2; k++) {
                double[] ns = m.ns()[k];
                long[] first = Arrays.stream(ns, 0, 10).mapToLong(Math::round).toArray();
                System.out.printf(Locale.ROOT, "%-38s %5.0f %5.0f %5.0f %5.0f   %s%n",
                        c.name() + ", " + systems[k], Interleaved.quantile(ns, 0.1),
                        Interleaved.quantile(ns, 0.5), Interleaved.quantile(ns, 0.9),
                        Interleaved.quantile(ns, 1.0), Arrays.toString(first));
            }
        }
    }
}
