package dev.weft.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark of a JMH JSON result file: where it lives ({@code className}, {@code method},
 * {@code params}), JMH's mean with its 99.9% error, and the median, minimum and maximum of the
 * measurement iterations (the report ranks by the median, as design.md's figures are medians),
 * and the bytes allocated per operation when JMH's gc profiler ran ({@code -prof gc}), else NaN.
 */
record Result(String className, String method, Map<String, String> params, String mode,
        double mean, double error, double median, double min, double max, int samples,
        String unit, double bytesPerOp, String jmh, String jdk, String vm, List<String> jvmArgs,
        String settings) {

    /** Reads every result of a JMH {@code -rf json} document. */
    @SuppressWarnings("unchecked")
    static List<Result> read(String json) {
        List<Result> out = new ArrayList<>();
        for (Object o : (List<Object>) Json.parse(json)) {
            out.add(of((Map<String, Object>) o));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Result of(Map<String, Object> r) {
        String bench = (String) r.get("benchmark");
        int dot = bench.lastIndexOf('.');
        String cls = bench.substring(bench.lastIndexOf('.', dot - 1) + 1, dot);
        Map<String, String> params = new LinkedHashMap<>();
        Object p = r.get("params");
        if (p instanceof Map<?, ?> pm) {
            pm.forEach((k, v) -> params.put((String) k, String.valueOf(v)));
        }
        Map<String, Object> pmx = (Map<String, Object>) r.get("primaryMetric");
        Map<String, Object> pct = (Map<String, Object>) pmx.get("scorePercentiles");
        int samples = 0;
        for (Object fork : (List<Object>) pmx.get("rawData")) {
            samples += ((List<Object>) fork).size();
        }
        String settings = String.format("forks %s, warm-up %s x %s, measured %s x %s",
                fmtInt(r.get("forks")), fmtInt(r.get("warmupIterations")), r.get("warmupTime"),
                fmtInt(r.get("measurementIterations")), r.get("measurementTime"));
        return new Result(cls, bench.substring(dot + 1), params, (String) r.get("mode"),
                Json.number(pmx.get("score")), Json.number(pmx.get("scoreError")),
                Json.number(pct.get("50.0")), Json.number(pct.get("0.0")),
                Json.number(pct.get("100.0")), samples, (String) pmx.get("scoreUnit"),
                secondary((Map<String, Object>) r.get("secondaryMetrics"), "gc.alloc.rate.norm"),
                String.valueOf(r.get("jmhVersion")), (String) r.get("jdkVersion"),
                r.get("vmName") + " " + r.get("vmVersion"),
                (List<String>) (List<?>) r.getOrDefault("jvmArgs", List.of()), settings);
    }

    @SuppressWarnings("unchecked")
    private static double secondary(Map<String, Object> metrics, String name) {
        Object m = metrics == null ? null : metrics.get(name);
        return m instanceof Map<?, ?> mm ? Json.number(((Map<String, Object>) mm).get("score"))
                : Double.NaN;
    }

    private static String fmtInt(Object v) {
        return v instanceof Double d ? String.valueOf(d.intValue()) : String.valueOf(v);
    }

    /** The method name with its JMH parameters, e.g. {@code spawn (n=1000)}. */
    String label() {
        if (params.isEmpty()) {
            return method;
        }
        StringBuilder b = new StringBuilder(method).append(" (");
        params.forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '(' ? "" : ", ")
                .append(k).append('=').append(v));
        return b.append(')').toString();
    }
}
