package dev.weft.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code docs/performance.md} and its chart from JMH {@code -rf json} files: one, or
 * several separated by commas (run.sh runs JMH once per workload), read as one run.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.weft.bench.report.Report \
 *     --json jmh.json --md docs/performance.md --svg docs/performance.svg \
 *     --command "benchmarks/run.sh quick" \
 *     [--jmh-command "..."] [--load-before "1.0 0.8 0.5"] [--jmh-seconds 240] \
 *     [--interleaved table.md --interleaved-command "..."]
 * </pre>
 *
 * <p>Benchmarks of the three channel classes ({@code WeftChannels}, {@code JdkQueues},
 * {@code JoxChannels}) are paired by method name into the main table; every other benchmark
 * class of the run gets a table of its own under "Other measurements".
 */
public final class Report {
    /** The systems of the main table, by benchmark class, in column order. */
    static final Map<String, String> SYSTEMS = new LinkedHashMap<>();

    static {
        SYSTEMS.put("WeftChannels", "Weft");
        SYSTEMS.put("JdkQueues", "JDK queues");
        SYSTEMS.put("JoxChannels", "Jox 1.0.1");
    }

    private static final String WEFT = "Weft";

    /** What each workload does, where its name alone does not say. */
    private static final Map<String, String> NOTES = Map.of(
            "W1_pingpong", "ns per one-way hop (a round trip is two)",
            "W3_spsc_buffered", "capacity 128",
            "W4_mpmc_buffered", "4 producers, 4 consumers, capacity 128",
            "W5_select_fanin",
            "Weft: one `PreparedSelect` reused; Jox: clauses built once; JDK: no select",
            "W5b_select_fanin_fluent",
            "Weft: `Select.on()` per message; Jox: clauses made per message",
            "W7_popular",
            "10,000 receivers, each on its own unbuffered channel; one round-robin sender");

    /** Design.md section 5: measured elsewhere on a 2-core machine, never in this run. */
    private static final String[] ELSEWHERE_HEAD = {"workload", "Go 1.19",
        "JDK queues, virtual threads", "Jox 1.0.1", "kotlinx.coroutines 1.11, Dispatchers.Default"};
    private static final Map<String, String[]> ELSEWHERE = new TreeMap<>(Map.of(
            "W1_pingpong", new String[] {"251", "431", "722", "322"},
            "W2_spsc_unbuffered", new String[] {"242", "372", "678", "304"},
            "W3_spsc_buffered", new String[] {"66", "290", "322", "135"},
            "W4_mpmc_buffered", new String[] {"115", "160", "420", "566"},
            "W5_select_fanin", new String[] {"410", "n/a", "774", "477"},
            "W6_spawn", new String[] {"651", "451", "n/a", "444"},
            "W7_popular", new String[] {"330", "312", "1972", "433"}));

    private final List<Result> results;
    private final Map<String, String> options;
    /** Workload -> system label -> result, for the three channel classes. */
    private final Map<String, Map<String, Result>> workloads = new TreeMap<>();

    private Report(List<Result> results, Map<String, String> options) {
        this.results = results;
        this.options = options;
        for (Result r : results) {
            String system = SYSTEMS.get(r.className());
            if (system != null) {
                workloads.computeIfAbsent(r.label(), k -> new HashMap<>()).put(system, r);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = options(args);
        for (String required : List.of("json", "md", "svg", "command")) {
            if (!opts.containsKey(required)) {
                throw new IllegalArgumentException("missing --" + required + "; usage: Report"
                        + " --json jmh.json --md performance.md --svg performance.svg"
                        + " --command \"...\"");
            }
        }
        List<Result> results = new ArrayList<>();
        for (String file : opts.get("json").split(",")) {
            results.addAll(Result.read(Files.readString(Path.of(file))));
        }
        if (results.isEmpty()) {
            throw new IllegalArgumentException(opts.get("json") + " holds no benchmark results");
        }
        Report r = new Report(results, opts);
        Path md = Path.of(opts.get("md")).toAbsolutePath();
        Path svg = Path.of(opts.get("svg")).toAbsolutePath();
        Files.writeString(svg, r.chart());
        Files.writeString(md, r.markdown(md.getParent().relativize(svg).toString()));
        System.out.println("wrote " + md + " and " + svg + " from " + results.size() + " results");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + args[i]);
            }
            m.put(args[i].substring(2), args[i + 1]);
        }
        return m;
    }

    // ------------------------------------------------------------------------ helpers

    /** The fastest system other than Weft in {@code row}, or null when there is none. */
    private static String fastestOther(Map<String, Result> row) {
        return row.entrySet().stream().filter(e -> !e.getKey().equals(WEFT))
                .min(Comparator.comparingDouble(e -> e.getValue().median()))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** Weft's median over the fastest other system's, or NaN when either is missing. */
    private static double ratio(Map<String, Result> row) {
        String other = fastestOther(row);
        Result weft = row.get(WEFT);
        return weft == null || other == null ? Double.NaN
                : weft.median() / row.get(other).median();
    }

    /** "W2_spsc_unbuffered" -> "W2 spsc-unbuffered". */
    static String title(String workload) {
        int u = workload.indexOf('_');
        return u < 0 ? workload
                : workload.substring(0, u) + " " + workload.substring(u + 1).replace('_', '-');
    }

    /** ns with grouping, one decimal below 100; "n/a" for NaN. */
    static String ns(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, v < 100 ? "%,.1f" : "%,.0f", v);
    }

    private static String meanError(Result r) {
        return Double.isNaN(r.error()) ? ns(r.mean()) : ns(r.mean()) + " ± " + ns(r.error());
    }

    // ------------------------------------------------------------------------ chart

    private String chart() {
        List<String> series = new ArrayList<>(SYSTEMS.values());
        List<String> groups = new ArrayList<>();
        double[][] values = new double[workloads.size()][series.size()];
        double[] go = new double[workloads.size()];
        int g = 0;
        for (Map.Entry<String, Map<String, Result>> e : workloads.entrySet()) {
            groups.add(title(e.getKey()));
            for (int s = 0; s < series.size(); s++) {
                Result r = e.getValue().get(series.get(s));
                values[g][s] = r == null ? Double.NaN : r.median();
            }
            String[] ref = ELSEWHERE.get(e.getKey());
            go[g++] = ref == null ? Double.NaN : Double.parseDouble(ref[0]);
        }
        return Chart.svg("Channels: ns per message, median (log scale; lower is better)",
                "ns per message", groups, series, values, go,
                "Go 1.19 (design.md; measured elsewhere, not in this run)");
    }

    // ------------------------------------------------------------------------ markdown

    private String markdown(String svgLink) {
        StringBuilder b = new StringBuilder("# Performance\n\n")
                .append("Generated by `benchmarks/run.sh` (JMH, then `dev.weft.bench.report.Report`"
                        + " over JMH's JSON). Do not edit by hand: rerun the command below.\n\n");
        machine(b);
        channels(b, svgLink);
        slower(b);
        interleaved(b);
        allocation(b);
        elsewhere(b);
        spread(b);
        others(b);
        extra(b);
        return b.toString();
    }

    /**
     * Figures JMH cannot take (heap per live context, for one), kept by hand in the file named by
     * {@code --extra} with the command that gives each, and copied in as they are.
     */
    private void extra(StringBuilder b) {
        String file = options.get("extra");
        if (file == null) {
            return;
        }
        try {
            b.append('\n').append(Files.readString(Path.of(file)).strip()).append('\n');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read --extra " + file, e);
        }
    }

    private void machine(StringBuilder b) {
        // The channel classes' forks, when the run has them: other classes may set other flags.
        Result any = results.stream().filter(r -> SYSTEMS.containsKey(r.className())).findFirst()
                .orElse(results.get(0));
        String date = ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String jvmArgs = any.jvmArgs().isEmpty() ? "none"
                : "`" + String.join(" ", any.jvmArgs()) + "`";
        String before = options.containsKey("load-before")
                ? "before the run " + options.get("load-before") + ", " : "";
        b.append("## Machine and run\n\n")
                .append("- Date: ").append(date).append('\n')
                .append("- Machine: ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores").append(Machine.cpu()).append(", ").append(Machine.memory())
                .append(", ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append('\n')
                .append("- JDK: ").append(any.jdk()).append(" (").append(any.vm())
                .append("), JVM options of ").append(any.className()).append("'s forks ")
                .append(jvmArgs).append('\n')
                .append("- Load average (1, 5, 15 min): ").append(before)
                .append("after the run ").append(Machine.load())
                .append(". The machine is shared: a load above the core count inflates every"
                        + " figure, so compare systems within this run only.\n")
                .append("- Command: `").append(options.get("command")).append("`\n");
        if (options.containsKey("jmh-command")) {
            b.append("- JMH command: `").append(options.get("jmh-command")).append("`\n");
        }
        b.append("- JMH ").append(any.jmh()).append(", mode `").append(any.mode()).append("`, ")
                .append(any.settings()).append(" per benchmark; every goroutine is a virtual"
                        + " thread started for the invocation.");
        if (options.containsKey("jmh-seconds")) {
            b.append(" The JMH run took ").append(options.get("jmh-seconds")).append(" s.");
        }
        b.append("\n\n");
    }

    private void channels(StringBuilder b, String svgLink) {
        List<String> head = new ArrayList<>(List.of("workload"));
        head.addAll(SYSTEMS.values());
        head.addAll(List.of("Weft / fastest other", "what it measures"));
        Table t = new Table("l" + "r".repeat(SYSTEMS.size() + 1) + "l",
                head.toArray(String[]::new));
        workloads.forEach((name, row) -> {
            List<String> cells = new ArrayList<>(List.of(title(name)));
            SYSTEMS.values().forEach(s -> cells.add(row.containsKey(s) ? ns(row.get(s).median())
                    : "n/a"));
            double ratio = ratio(row);
            cells.add(Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f (%s)", ratio,
                    ratio <= 1 ? "faster" : "**slower**"));
            cells.add(NOTES.getOrDefault(name, ""));
            t.row(cells);
        });
        b.append("## Channels: ns per message\n\n")
                .append("Median of the measurement iterations, ns per message (lower is better)."
                        + " The ratio is Weft's median over the fastest other system's: below 1,"
                        + " Weft is faster.\n\n");
        t.appendTo(b);
        b.append("![Channels: ns per message per workload and system](").append(svgLink)
                .append(")\n\n");
    }

    private void slower(StringBuilder b) {
        List<String> lines = new ArrayList<>();
        workloads.forEach((name, row) -> {
            double ratio = ratio(row);
            if (ratio > 1) {
                String other = fastestOther(row);
                Result w = row.get(WEFT);
                Result o = row.get(other);
                boolean overlap = w.min() <= o.max() && o.min() <= w.max();
                lines.add(String.format(Locale.ROOT, "- %s: Weft %s ns, %s %s ns: Weft is %.2fx"
                        + " slower%s.", title(name), ns(w.median()), other, ns(o.median()), ratio,
                        overlap ? " (their iteration ranges overlap: within this run's noise)"
                                : ""));
            }
        });
        b.append("## Where Weft is slower\n\n");
        if (lines.isEmpty()) {
            b.append("Nowhere in this run: Weft's median is at or below both the JDK queues and"
                    + " Jox on every workload they share.\n\n");
            return;
        }
        b.append("In this run Weft's median is above the fastest other system on ")
                .append(lines.size()).append(lines.size() == 1 ? " workload" : " workloads")
                .append(":\n\n");
        lines.forEach(l -> b.append(l).append('\n'));
        b.append('\n');
    }

    /**
     * The table {@code dev.weft.bench.Interleaved} wrote (file {@code --interleaved}): the same
     * workloads, every system run once per round, compared round by round.
     */
    private void interleaved(StringBuilder b) {
        String file = options.get("interleaved");
        if (file == null) {
            return;
        }
        String table;
        try {
            table = Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read --interleaved " + file, e);
        }
        b.append("## Channels, systems interleaved round by round\n\n")
                .append("JMH runs one benchmark after another, so the systems above met the"
                        + " machine minutes apart, and a shared virtual machine can change"
                        + " under a run: on the 2-core AMD EPYC of 2026-12-07 the round trip"
                        + " between its two cores (`dev.weft.bench.CacheRoundTrip`) measured"
                        + " 80-100 ns at one moment and 500-530 ns minutes later, and the"
                        + " hand-off workloads moved 3-4x with it. So after JMH the same workload"
                        + " methods run again in rounds, each system once per round, back to"
                        + " back, in rotating order; each round gives Weft's time over the fastest"
                        + " other system's in that round. Columns per system: the median of the"
                        + " rounds, ns per message.");
        if (options.containsKey("interleaved-command")) {
            b.append(" Command: `").append(options.get("interleaved-command")).append("`.");
        }
        b.append("\n\n").append(table).append("\n\n");
    }

    private void allocation(StringBuilder b) {
        List<String> head = new ArrayList<>(List.of("workload"));
        head.addAll(SYSTEMS.values());
        Table t = new Table("l" + "r".repeat(SYSTEMS.size()), head.toArray(String[]::new));
        workloads.forEach((name, row) -> {
            List<String> cells = new ArrayList<>(List.of(title(name)));
            SYSTEMS.values().forEach(s -> cells.add(row.containsKey(s)
                    ? bytes(row.get(s).bytesPerOp()) : "n/a"));
            if (row.values().stream().anyMatch(r -> !Double.isNaN(r.bytesPerOp()))) {
                t.row(cells);
            }
        });
        if (t.isEmpty()) {
            return;
        }
        b.append("## Bytes allocated per message\n\n")
                .append("From JMH's gc profiler (`-prof gc`, `gc.alloc.rate.norm`), which the load"
                        + " on the machine barely moves. It counts everything allocated during the"
                        + " iteration, so it includes the threads and channels each invocation makes"
                        + " (for W7 also the set-up's 10,000 receivers), spread over the"
                        + " messages.\n\n");
        t.appendTo(b);
    }

    private static String bytes(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }

    private void elsewhere(StringBuilder b) {
        Table t = new Table("lrrrr", ELSEWHERE_HEAD);
        ELSEWHERE.forEach((name, v) -> t.row(title(name), v[0], v[1], v[2], v[3]));
        b.append("## For reference: figures measured elsewhere (not in this run)\n\n")
                .append("Copied from design.md section 5: another 2-core machine, ns per message,"
                        + " median. They vary 1.5x between runs, so they set the aim (Go's speed)"
                        + " and are no comparison with the tables above. The Go figures are the"
                        + " dashed marks in the chart.\n\n");
        t.appendTo(b);
    }

    private void spread(StringBuilder b) {
        Table t = new Table("llrrrr", "workload", "system", "mean ± error", "min", "max",
                "iterations");
        workloads.forEach((name, row) -> SYSTEMS.values().stream().filter(row::containsKey)
                .map(row::get).forEach(r -> t.row(title(name), SYSTEMS.get(r.className()),
                        meanError(r), ns(r.min()), ns(r.max()), String.valueOf(r.samples()))));
        b.append("## Spread of the channel figures\n\n")
                .append("JMH's mean with its 99.9% confidence half-width, and the fastest and"
                        + " slowest measurement iteration, ns per message.\n\n");
        t.appendTo(b);
    }

    private void others(StringBuilder b) {
        Map<String, List<Result>> byClass = new TreeMap<>();
        results.stream().filter(r -> !SYSTEMS.containsKey(r.className()))
                .sorted(Comparator.comparing(Result::label))
                .forEach(r -> byClass.computeIfAbsent(r.className(), k -> new ArrayList<>())
                        .add(r));
        b.append("## Other measurements\n\n");
        if (byClass.isEmpty()) {
            b.append("None: this run held only the channel benchmarks.\n");
            return;
        }
        b.append("Every other benchmark class of the run, as JMH reported it: the median of the"
                + " measurement iterations, JMH's mean ± 99.9% error, and the bytes allocated per"
                + " operation when the gc profiler ran.\n\n");
        byClass.forEach((cls, rs) -> {
            Table t = new Table("llrrlr", "benchmark", "mode", "median", "mean ± error", "unit",
                    "B/op");
            rs.forEach(r -> t.row(r.label(), r.mode(), ns(r.median()), meanError(r), r.unit(),
                    bytes(r.bytesPerOp())));
            b.append("### ").append(cls).append("\n\n");
            t.appendTo(b);
        });
    }
}
