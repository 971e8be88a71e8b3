package dev.weft.test;

import dev.weft.chan.Chan;
import dev.weft.goroutine.Goroutine;

/**
 * Turns on recording of goroutine start sites and channel creation sites while at least one
 * test of the kit runs, and puts both switches back as they were when the last one ends.
 * Counted, because the switches are global and tests (bubbles in particular) may run in
 * parallel: with a plain save-and-restore, the first test to end would switch recording off
 * under the others.
 */
final class SiteRecording {
    private static int users;               // guarded by SiteRecording.class
    private static boolean startSitesBefore; // guarded by SiteRecording.class
    private static boolean chanSitesBefore;  // guarded by SiteRecording.class

    private SiteRecording() {}

    /** Starts recording, or joins the tests already recording. Pair with {@link #release()}. */
    static synchronized void acquire() {
        if (users++ == 0) {
            startSitesBefore = Goroutine.recordsStartSites();
            chanSitesBefore = Chan.recordsCreationSites();
            Goroutine.recordStartSites(true);
            Chan.recordCreationSites(true);
        }
    }

    /** Leaves; the last test to leave restores both switches. */
    static synchronized void release() {
        if (users == 0) {
            throw new IllegalStateException("SiteRecording.release without acquire");
        }
        if (--users == 0) {
            Goroutine.recordStartSites(startSitesBefore);
            Chan.recordCreationSites(chanSitesBefore);
        }
    }
}
