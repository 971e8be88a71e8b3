package dev.weft.test;

import dev.weft.goroutine.GoroutineInfo;
import java.util.Arrays;
import java.util.List;

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
        for (StackTraceElement frame : trim(stack)) {
            sb.append("\tat ").append(frame).append('\n');
        }
    }

    /**
     * The frames worth reading: without the JDK's parking frames on top, and without what runs
     * the body below it (the kit, JUnit reached through reflection, the virtual thread's
     * continuation), as Go prints a goroutine from its blocking call down to its function.
     */
    static List<StackTraceElement> trim(StackTraceElement[] stack) {
        int from = 0;
        while (from < stack.length && isParking(stack[from].getClassName())) {
            from++;
        }
        int to = from;
        while (to < stack.length && !isRunner(stack[to].getClassName())) {
            to++;
        }
        return Arrays.asList(stack).subList(from, to);
    }

    private static boolean isParking(String cls) {
        return cls.equals("java.lang.VirtualThread") || cls.startsWith("java.lang.System$")
                || cls.equals("java.util.concurrent.locks.LockSupport")
                || cls.startsWith("jdk.internal.misc.");
    }

    private static boolean isRunner(String cls) {
        return cls.startsWith("jdk.internal.reflect.") || cls.startsWith("java.lang.reflect.")
                || cls.startsWith("dev.weft.test.Bubble") || cls.equals("java.lang.VirtualThread")
                || cls.startsWith("jdk.internal.vm.");
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
