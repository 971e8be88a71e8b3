package dev.weft.bench;

import static dev.weft.bench.Workload.MESSAGES;
import static dev.weft.bench.Workload.POPULAR_MESSAGES;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The channel workloads of JMH's {@link WeftChannels}, {@link JdkQueues} and {@link JoxChannels},
 * run round by round, one invocation of each system per round, and compared round by round.
 *
 * <p>Why, next to JMH: JMH runs one benchmark after another, so two systems meet the machine at
 * different times, and on a shared virtual machine that can be a different machine. On the
 * 2-core AMD EPYC of 2026-12-07 the round trip between the two cores ({@link CacheRoundTrip})
 * was 80-100 ns at one moment and 500-530 ns a few minutes later, and every hand-off workload
 * moved with it, 3-4x, in the middle of a JMH benchmark. Here every round runs each system once,
 * back to back (their order rotating from round to round), so whatever the machine does, the
 * systems share it; each round gives Weft's time over the fastest other system's in that round,
 * and the table reports the median of those ratios.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.weft.bench.Interleaved \
 *     [rounds] [workload regex] [--md file]
 * </pre>
 *
 * The JVM flags match the JMH forks of the channel classes. Rounds default to 60, after 10
 * unmeasured ones.
 */
public final class Interleaved {
    /** Systems in table order; Weft first. */
    static final List<String> SYSTEMS = List.of("Weft", "JDK queues", "Jox 1.0.1");

    private static final int WARM_UP_ROUNDS = 10;

    private Interleaved() {}

    /** One invocation of a workload: set-up and tear-down are not timed. */
    interface Trial {
        default void setUp() throws Exception {}

        void run() throws Exception;

        default void tearDown() throws Exception {}
    }

    /** A workload, with its trial per system (null where a system has no such workload). */
    record Case(String name, int messages, Trial[] trials) {}

    /** The workloads of the report's channel table, in its order. */
    static List<Case> cases() {
        WeftChannels weft = new WeftChannels();
        JdkQueues jdk = new JdkQueues();
        JoxChannels jox = new JoxChannels();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("W1 pingpong", MESSAGES,
                trials(weft::W1_pingpong, jdk::W1_pingpong, jox::W1_pingpong)));
        cases.add(new Case("W2 spsc-unbuffered", MESSAGES,
                trials(weft::W2_spsc_unbuffered, jdk::W2_spsc_unbuffered,
                        jox::W2_spsc_unbuffered)));
        cases.add(new Case("W3 spsc-buffered", MESSAGES,
                trials(weft::W3_spsc_buffered, jdk::W3_spsc_buffered, jox::W3_spsc_buffered)));
        cases.add(new Case("W4 mpmc-buffered", MESSAGES,
                trials(weft::W4_mpmc_buffered, jdk::W4_mpmc_buffered, jox::W4_mpmc_buffered)));
        cases.add(new Case("W5 select-fanin", MESSAGES,
                trials(weft::W5_select_fanin, null, jox::W5_select_fanin)));
        cases.add(new Case("W5b select-fanin-fluent", MESSAGES,
                trials(weft::W5b_select_fanin_fluent, null, jox::W5b_select_fanin_fluent)));
        var weftPopular = new WeftChannels.Popular();
        var jdkPopular = new JdkQueues.Popular();
        var joxPopular = new JoxChannels.Popular();
        cases.add(new Case("W7 popular", POPULAR_MESSAGES, new Trial[] {
            popular(weftPopular::startReceivers, () -> weft.W7_popular(weftPopular),
                    weftPopular::stopReceivers),
            popular(jdkPopular::startReceivers, () -> jdk.W7_popular(jdkPopular),
                    jdkPopular::stopReceivers),
            popular(joxPopular::startReceivers, () -> jox.W7_popular(joxPopular),
                    joxPopular::stopReceivers)}));
        return cases;
    }

    private static Trial[] trials(Goroutines.Body... bodies) {
        Trial[] t = new Trial[bodies.length];
        for (int i = 0; i < bodies.length; i++) {
            Goroutines.Body b = bodies[i];
            t[i] = b == null ? null : b::run;
        }
        return t;
    }

    private static Trial popular(Goroutines.Body setUp, Goroutines.Body run,
            Goroutines.Body tearDown) {
        return new Trial() {
            @Override
            public void setUp() throws Exception {
                setUp.run();
            }

            @Override
            public void run() throws Exception {
                run.run();
            }

            @Override
            public void tearDown() throws Exception {
                tearDown.run();
            }
        };
    }

    /** What one workload measured: ns per message per system and round, NaN where absent. */
    record Measured(Case c, double[][] ns) {
        /** Weft's time over the fastest other system's, per round. */
        double[] ratios() {
            double[] r = new double[ns[0].length];
            for (int round = 0; round < r.length; round++) {
                double best = Double.POSITIVE_INFINITY;
                for (int s = 1; s < ns.length; s++) {
                    if (!Double.isNaN(ns[s][round])) {
                        best = Math.min(best, ns[s][round]);
                    }
                }
                r[round] = ns[0][round] / best;
            }
            return r;
        }

        /** The rounds in which Weft was at or below every other system. */
        int weftAtOrBelow() {
            int n = 0;
            for (double r : ratios()) {
                if (r <= 1) {
                    n++;
                }
            }
            return n;
        }
    }

    /** Runs {@code rounds} measured rounds (after the warm-up) of one workload. */
    static Measured measure(Case c, int rounds) throws Exception {
        Trial[] trials = c.trials();
        double[][] ns = new double[trials.length][rounds];
        for (double[] row : ns) {
            Arrays.fill(row, Double.NaN);
        }
        for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
            for (int k = 0; k < trials.length; k++) {
                int s = Math.floorMod(round + k, trials.length); // rotate who goes first
                Trial t = trials[s];
                if (t == null) {
                    continue;
                }
                t.setUp();
                long start = System.nanoTime();
                t.run();
                long elapsed = System.nanoTime() - start;
                t.tearDown();
                if (round >= 0) {
                    ns[s][round] = (double) elapsed / c.messages();
                }
            }
        }
        return new Measured(c, ns);
    }

    /** The value at quantile {@code q} of the non-NaN values (nearest rank). */
    static double quantile(double[] values, double q) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    /** The markdown table of all workloads. */
    static String table(List<Measured> results, int rounds) {
        StringBuilder sb = new StringBuilder();
        sb.append("| workload |");
        for (String s : SYSTEMS) {
            sb.append(' ').append(s).append(" |");
        }
        sb.append(" Weft / fastest other, per round: median (p10-p90) |")
                .append(" rounds Weft at or below |\n");
        sb.append("|---|").append("---:|".repeat(SYSTEMS.size())).append("---:|---:|\n");
        for (Measured m : results) {
            sb.append("| ").append(m.c().name()).append(" |");
            for (double[] row : m.ns()) {
                sb.append(' ').append(Double.isNaN(row[0]) ? "n/a" : fmt(quantile(row, 0.5)))
                        .append(" |");
            }
            double[] r = m.ratios();
            sb.append(String.format(Locale.ROOT, " %.2f (%.2f-%.2f) | %d of %d |%n",
                    quantile(r, 0.5), quantile(r, 0.1), quantile(r, 0.9), m.weftAtOrBelow(),
                    rounds));
        }
        return sb.toString();
    }

    private static String fmt(double ns) {
        return ns >= 100 ? String.format(Locale.ROOT, "%,.0f", ns)
                : String.format(Locale.ROOT, "%.1f", ns);
    }

    /** Runs the workloads that match the regex, prints the table, and writes it where asked. */
    public static void main(String[] args) throws Exception {
        int rounds = 60;
        Pattern only = null;
        Path md = null;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--md")) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("--md needs a file name");
                }
                md = Path.of(args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (!positional.isEmpty()) {
            rounds = Integer.parseInt(positional.get(0));
            if (rounds < 10) {
                throw new IllegalArgumentException("rounds must be at least 10, got " + rounds);
            }
        }
        if (positional.size() > 1) {
            only = Pattern.compile(positional.get(1));
        }
        List<Measured> results = new ArrayList<>();
        for (Case c : cases()) {
            if (only == null || only.matcher(c.name()).find()) {
                results.add(measure(c, rounds));
                System.err.println("== " + c.name() + " done");
            }
        }
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no workload matches " + only);
        }
        String table = table(results, rounds);
        System.out.print(table);
        if (md != null) {
            Files.writeString(md, table);
        }
    }
}
