package dev.weft.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    /** One result in JMH's JSON shape: iterations' scores, median as the 50th percentile. */
    private static String result(String bench, String params, double median, double min,
            double max, double bytes) {
        return """
            {"jmhVersion":"1.37","benchmark":"%s","mode":"avgt","threads":1,"forks":1,
             "jvm":"/j/bin/java","jvmArgs":["-Xmx1g"],"jdkVersion":"25","vmName":"VM",
             "vmVersion":"25+1","warmupIterations":1,"warmupTime":"1 s",
             "measurementIterations":3,"measurementTime":"1 s",%s
             "primaryMetric":{"score":%s,"scoreError":"NaN","scoreConfidence":["NaN","NaN"],
               "scorePercentiles":{"0.0":%s,"50.0":%s,"100.0":%s},"scoreUnit":"ns/op",
               "rawData":[[%s,%s,%s]]},
             "secondaryMetrics":{"gc.alloc.rate.norm":{"score":%s,"scoreUnit":"B/op"}}}
            """.formatted(bench, params, median, min, median, max, min, median, max, bytes);
    }

    private static String run(Path dir, String... results) throws Exception {
        Path json = dir.resolve("jmh.json");
        Files.writeString(json, "[" + String.join(",", results) + "]");
        Report.main(new String[] {"--json", json.toString(), "--md", dir.resolve("p.md").toString(),
            "--svg", dir.resolve("p.svg").toString(), "--command", "benchmarks/run.sh quick"});
        byte[] svg = Files.readAllBytes(dir.resolve("p.svg"));
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg)); // well-formed, or this throws
        return Files.readString(dir.resolve("p.md"));
    }

    @Test
    void readsSeveralJsonFilesAsOneRun(@TempDir Path dir) throws Exception {
        Path w1 = dir.resolve("jmh-1.json");
        Files.writeString(w1, "[" + result("dev.weft.bench.WeftChannels.W1_pingpong", "", 300, 290,
                310, 104) + "," + result("dev.weft.bench.JdkQueues.W1_pingpong", "", 400, 390,
                410, 64) + "]");
        Path w3 = dir.resolve("jmh-2.json");
        Files.writeString(w3, "[" + result("dev.weft.bench.WeftChannels.W3_spsc_buffered", "", 90,
                88, 92, 1.5) + "," + result("dev.weft.bench.JdkQueues.W3_spsc_buffered", "", 60,
                58, 62, 1.1) + "]");
        Report.main(new String[] {"--json", w1 + "," + w3, "--md", dir.resolve("p.md").toString(),
            "--svg", dir.resolve("p.svg").toString(), "--command", "benchmarks/run.sh quick"});
        String md = Files.readString(dir.resolve("p.md"));
        assertTrue(md.contains("| W1 pingpong | 300 | 400 | n/a | 0.75 (faster) |"), md);
        assertTrue(md.contains("| W3 spsc-buffered | 90.0 | 60.0 | n/a | 1.50 (**slower**) |"), md);
    }

    @Test
    void pairsSystemsByMethodNameAndNamesWhereWeftIsSlower(@TempDir Path dir) throws Exception {
        String md = run(dir,
                result("dev.weft.bench.WeftChannels.W1_pingpong", "", 300, 290, 310, 104),
                result("dev.weft.bench.JdkQueues.W1_pingpong", "", 400, 390, 410, 64),
                result("dev.weft.bench.JoxChannels.W1_pingpong", "", 700, 690, 710, 62),
                result("dev.weft.bench.WeftChannels.W3_spsc_buffered", "", 90, 88, 92, 1.5),
                result("dev.weft.bench.JdkQueues.W3_spsc_buffered", "", 60, 58, 62, 1.1));
        assertTrue(md.contains("| W1 pingpong | 300 | 400 | 700 | 0.75 (faster) |"), md);
        assertTrue(md.contains("| W3 spsc-buffered | 90.0 | 60.0 | n/a | 1.50 (**slower**) |"), md);
        assertTrue(md.contains("- W3 spsc-buffered: Weft 90.0 ns, JDK queues 60.0 ns: Weft is"
                + " 1.50x slower."), md);
        assertTrue(md.contains("| W1 pingpong | 104.0 | 64.0 | 62.0 |"), md); // bytes per message
        assertTrue(md.contains("`benchmarks/run.sh quick`"), md);
        assertTrue(md.contains("| W1 pingpong | 251 | 431 | 722 | 322 |"), md); // design.md's Go
        assertTrue(md.contains("None: this run held only the channel benchmarks."), md);
    }

    @Test
    void slowerWithinNoiseIsSaidSo(@TempDir Path dir) throws Exception {
        String md = run(dir,
                result("dev.weft.bench.WeftChannels.W7_popular", "", 350, 300, 400, 250),
                result("dev.weft.bench.JdkQueues.W7_popular", "", 340, 320, 390, 250));
        assertTrue(md.contains("Weft is 1.03x slower (their iteration ranges overlap"), md);
    }

    @Test
    void otherClassesGetTablesOfTheirOwn(@TempDir Path dir) throws Exception {
        String md = run(dir,
                result("dev.weft.bench.WeftChannels.W2_spsc_unbuffered", "", 250, 240, 260, 104),
                result("dev.weft.bench.SpawnBench.weftScope", "\"params\":{\"n\":\"1000\"},",
                        640, 600, 700, 500));
        assertTrue(md.contains("### SpawnBench"), md);
        assertTrue(md.contains("| weftScope (n=1000) | avgt | 640 | 640 | ns/op | 500.0 |"), md);
        assertTrue(md.contains("Nowhere in this run"), md);
    }

    /** A report of one W2 result, with {@code options} added to the command line. */
    private static String reportWith(Path dir, String... options) throws Exception {
        Path json = dir.resolve("jmh.json");
        Files.writeString(json, "[" + result("dev.weft.bench.WeftChannels.W2_spsc_unbuffered", "",
                250, 240, 260, 104) + "]");
        List<String> args = new ArrayList<>(List.of("--json", json.toString(),
                "--md", dir.resolve("p.md").toString(), "--svg", dir.resolve("p.svg").toString(),
                "--command", "benchmarks/run.sh quick"));
        args.addAll(List.of(options));
        Report.main(args.toArray(String[]::new));
        return Files.readString(dir.resolve("p.md"));
    }

    @Test
    void handKeptFiguresAreCopiedInAtTheEnd(@TempDir Path dir) throws Exception {
        Path extra = Files.writeString(dir.resolve("extra.md"), "## Measured outside JMH\n\n| a | 1 |\n");
        assertTrue(reportWith(dir, "--extra", extra.toString())
                .endsWith("\n## Measured outside JMH\n\n| a | 1 |\n"));
    }

    @Test
    void theInterleavedTableGetsASectionWithItsCommand(@TempDir Path dir) throws Exception {
        Path table = Files.writeString(dir.resolve("il.md"), "| workload | Weft |\n|---|---:|\n");
        String md = reportWith(dir, "--interleaved", table.toString(),
                "--interleaved-command", "java ... Interleaved 30");
        assertTrue(md.contains("## Channels, systems interleaved round by round\n"), md);
        assertTrue(md.contains("Command: `java ... Interleaved 30`.\n\n| workload | Weft |\n"), md);
        assertTrue(md.indexOf("## Where Weft is slower") < md.indexOf("interleaved round by"), md);
    }

    @Test
    void jsonReadsWhatJmhWrites() {
        Object v = Json.parse("{\"a\":[1,-2.5e3,\"NaN\",true,null],\"b\":\"q\\\"\\u0041\"}");
        assertEquals(Map.of("a", java.util.Arrays.asList(1.0, -2500.0, "NaN", true, null),
                "b", "q\"A"), v);
        assertTrue(Double.isNaN(Json.number(((List<?>) ((Map<?, ?>) v).get("a")).get(2))));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1,]"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1} x"));
    }

    @Test
    void titlesAndNumbers() {
        assertEquals("W5b select-fanin-fluent", Report.title("W5b_select_fanin_fluent"));
        assertEquals("1,234", Report.ns(1234.4));
        assertEquals("66.2", Report.ns(66.24));
        assertEquals("n/a", Report.ns(Double.NaN));
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", Chart.escape("a <b> & \"c\""));
    }
}
