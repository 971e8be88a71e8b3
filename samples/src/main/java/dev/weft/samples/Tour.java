package dev.weft.samples;

import java.io.PrintStream;
import java.util.List;

/**
 * The sample tour: lists the samples, runs one by name, or runs them all.
 *
 * <pre>
 *   java dev.weft.samples.Tour list
 *   java dev.weft.samples.Tour sieve select
 *   java dev.weft.samples.Tour all
 * </pre>
 */
public final class Tour {
    /** Every sample, in tour order. */
    public static final List<Sample> SAMPLES = List.of(
            new HelloSample(),
            new GoroutinesSample(),
            new ChannelsSample(),
            new SelectSample(),
            new WorkerPoolSample(),
            new PipelineSample(),
            new FanOutSample(),
            new ContextSample(),
            new ErrgroupSample(),
            new RateLimitSample(),
            new BreakerSample(),
            new SemaphoreSample(),
            new SingleflightSample(),
            new HttpShutdownSample(),
            new PrimeSieveSample(),
            new BatcherSample(),
            new TimersSample(),
            new TestKitSample());

    private Tour() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        if (args.length == 0 || args[0].equals("list")) {
            out.println("Weft sample tour. Run: Tour all | Tour <name>...");
            for (Sample s : SAMPLES) {
                out.printf("  %-10s %s%n", s.name(), s.title());
            }
            return;
        }
        List<Sample> chosen = args[0].equals("all") ? SAMPLES : pick(args);
        if (chosen == null) {
            System.exit(2);
        }
        for (Sample s : chosen) {
            out.println("== " + s.name() + ": " + s.title());
            long start = System.nanoTime();
            s.run(out);
            out.printf("   (%d ms)%n%n", (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static List<Sample> pick(String[] names) {
        Sample[] picked = new Sample[names.length];
        for (int i = 0; i < names.length; i++) {
            picked[i] = find(names[i]);
            if (picked[i] == null) {
                System.err.println("no sample named '" + names[i] + "'; 'Tour list' shows them");
                return null;
            }
        }
        return List.of(picked);
    }

    private static Sample find(String name) {
        for (Sample s : SAMPLES) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
