package dev.weft.goroutine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Formats a snapshot like Go's goroutine profile ({@code pprof.Lookup("goroutine")}, debug=1):
 * one group per (start site, what it waits on), largest group first.
 *
 * <pre>
 * goroutine profile: total 3
 *
 * 2 @ com.example.Pipeline.main(Pipeline.java:20)
 *   waiting on: chan(cap=0, len=0)
 *   goroutine square#4 [WAITING] in scope(2 running):
 *       java.base/java.util.concurrent.locks.LockSupport.park(LockSupport.java:221)
 *       ...
 * </pre>
 */
final class Profile {
    static final String NOT_RECORDED =
            " (start site not recorded; run with -Dweft.goroutine.startSites=true)";

    private Profile() {}

    static String format(List<GoroutineInfo> infos) {
        Map<String, List<GoroutineInfo>> groups = new LinkedHashMap<>();
        for (GoroutineInfo g : infos) {
            groups.computeIfAbsent(site(g) + "\n  waiting on: " + describe(g.waitingOn()),
                    k -> new ArrayList<>()).add(g);
        }
        List<Map.Entry<String, List<GoroutineInfo>>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<String, List<GoroutineInfo>> e) -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        StringBuilder sb = new StringBuilder("goroutine profile: total ").append(infos.size()).append('\n');
        for (Map.Entry<String, List<GoroutineInfo>> e : sorted) {
            sb.append('\n').append(e.getValue().size()).append(" @ ").append(e.getKey()).append('\n');
            for (GoroutineInfo g : e.getValue()) {
                appendGoroutine(sb, g);
            }
        }
        return sb.toString();
    }

    private static String site(GoroutineInfo g) {
        if (g.startSite() != null) {
            return g.startSite().toString();
        }
        int hash = g.name().lastIndexOf('#');
        return (hash < 0 ? g.name() : g.name().substring(0, hash)) + "#*" + NOT_RECORDED;
    }

    private static void appendGoroutine(StringBuilder sb, GoroutineInfo g) {
        sb.append("  goroutine ").append(g.name()).append(" [").append(g.state()).append(']');
        if (g.scope() != null) {
            sb.append(" in ").append(describe(g.scope()));
        }
        sb.append(":\n");
        for (StackTraceElement frame : g.stack()) {
            sb.append("      ").append(frame).append('\n');
        }
    }

    /** A blocker's own description; a dump must not fail because a toString does. */
    static String describe(Object o) {
        if (o == null) {
            return "nothing";
        }
        try {
            return String.valueOf(o);
        } catch (RuntimeException e) {
            return o.getClass().getName() + " (toString failed: " + e + ")";
        }
    }
}
