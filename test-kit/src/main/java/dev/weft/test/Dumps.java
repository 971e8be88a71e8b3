package dev.weft.test;

import dev.weft.goroutine.GoroutineInfo;

/** Text for failures: one goroutine with its start site, what it waits on, and its stack. */
final class Dumps {
    private Dumps() {}

    static void appendGoroutine(StringBuilder sb, GoroutineInfo g) {
        appendThread(sb, "goroutine " + g.name(), g.state(), g.waitingOn(), g.stack());
        sb.append("  started at: ")
                .append(g.startSite() == null ? "(not recorded)" : g.startSite()).append('\n');
    }

    /** Go's layout: {@code goroutine name [state, waiting on x]:} then the frames. */
    static void appendThread(StringBuilder sb, String title, Thread.State state, Object blocker,
                             StackTraceElement[] stack) {
        sb.append(title).append(" [").append(state);
        if (blocker != null) {
            sb.append(", waiting on ").append(describe(blocker));
        }
        sb.append("]:\n");
        for (StackTraceElement frame : stack) {
            sb.append("\tat ").append(frame).append('\n');
        }
    }

    /** A blocker's own description; a failure report must not fail because a toString does. */
    static String describe(Object o) {
        try {
            return String.valueOf(o);
        } catch (RuntimeException e) {
            return o.getClass().getName() + " (toString failed: " + e + ")";
        }
    }
}
