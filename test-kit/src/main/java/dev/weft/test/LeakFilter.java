package dev.weft.test;

import dev.weft.goroutine.GoroutineInfo;
import java.util.Objects;

/**
 * Says which live goroutines a leak check must not report, as goleak's options do.
 *
 * <pre>{@code
 * Leaks.verifyNone(before,
 *         LeakFilter.named("metrics-flusher"),          // a goroutine meant to outlive tests
 *         LeakFilter.startedAt("com.example.Pool.start")); // wherever Pool.start started one
 * }</pre>
 */
@FunctionalInterface
public interface LeakFilter {

    /** True if {@code goroutine} must not be reported as a leak. */
    boolean ignores(GoroutineInfo goroutine);

    /**
     * Ignores goroutines named {@code name}: the part of the goroutine's name before
     * {@code #<seq>}, as given to {@code Goroutine.go(name, task)} or derived from the task's
     * class.
     */
    static LeakFilter named(String name) {
        Objects.requireNonNull(name, "name");
        return g -> baseName(g.name()).equals(name);
    }

    /**
     * Ignores goroutines started at {@code site}: a class ({@code com.example.Pool}, with its
     * nested classes), a method ({@code com.example.Pool.start}) or a package prefix
     * ({@code com.example}). Needs start sites, which the test kit records while it runs.
     */
    static LeakFilter startedAt(String site) {
        Objects.requireNonNull(site, "site");
        return g -> g.startSite() != null && matches(g.startSite(), site);
    }

    /**
     * Ignores goroutines with {@code site} (as in {@link #startedAt}) anywhere on their stack:
     * goleak's {@code IgnoreAnyFunction}.
     */
    static LeakFilter anyFrame(String site) {
        Objects.requireNonNull(site, "site");
        return g -> {
            for (StackTraceElement frame : g.stack()) {
                if (matches(frame, site)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static boolean matches(StackTraceElement frame, String site) {
        String cls = frame.getClassName();
        return cls.equals(site)
                || (cls + '.' + frame.getMethodName()).equals(site)
                || cls.startsWith(site + '.')
                || cls.startsWith(site + '$');
    }

    /** A goroutine's name without its {@code #<seq>} suffix. */
    static String baseName(String name) {
        int hash = name.lastIndexOf('#');
        return hash < 0 ? name : name.substring(0, hash);
    }
}
