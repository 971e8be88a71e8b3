package dev.weft.test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.chan.Chan;
import dev.weft.goroutine.Goroutine;
import org.junit.jupiter.api.Test;

/** Recording stays on while any of two overlapping tests runs, and is restored after both. */
class SiteRecordingTest {

    @Test
    void theFirstTestToEndDoesNotSwitchRecordingOffUnderTheOther() {
        Goroutine.recordStartSites(false);
        Chan.recordCreationSites(false);
        SiteRecording.acquire(); // test A starts
        SiteRecording.acquire(); // test B starts, in parallel
        SiteRecording.release(); // A ends
        assertTrue(Goroutine.recordsStartSites(), "B still records start sites");
        assertTrue(Chan.recordsCreationSites(), "B still records creation sites");
        SiteRecording.release(); // B ends
        assertFalse(Goroutine.recordsStartSites(), "restored as before A");
        assertFalse(Chan.recordsCreationSites(), "restored as before A");
    }

    @Test
    void releaseWithoutAcquireIsABug() {
        assertThrows(IllegalStateException.class, SiteRecording::release);
    }
}
