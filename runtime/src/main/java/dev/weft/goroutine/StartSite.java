package dev.weft.goroutine;

import dev.weft.internal.CallSites;
import java.util.Set;

/**
 * Finds where a goroutine was started: the first frame, walking out from {@code go}, that is
 * not in Weft's own spawning classes. A stack walk costs 1.5 to 2 µs of CPU, several times
 * the spawn itself (W6 measures it), so it only runs when {@link Goroutine#recordsStartSites()}
 * is on.
 */
final class StartSite {
    /** Classes (and their nested classes) whose frames are the spawning machinery. */
    private static final Set<String> SPAWNERS = Set.of(
            "dev.weft.goroutine.Goroutine", "dev.weft.goroutine.Scope", "dev.weft.sync.WaitGroup");

    private StartSite() {}

    static StackWalker.StackFrame capture() {
        return CallSites.firstOutside(StartSite::isSpawner);
    }

    private static boolean isSpawner(String className) {
        int nested = className.indexOf('$');
        return SPAWNERS.contains(nested < 0 ? className : className.substring(0, nested))
                || className.equals("dev.weft.goroutine.StartSite");
    }
}
