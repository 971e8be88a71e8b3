package dev.weft.chan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a channel says of itself in dumps and deadlock reports. */
class ChanDescriptionTest {

    @Test
    void describesCapacityLengthAndClose() throws InterruptedException {
        Chan<String> ch = Chan.make(2);
        ch.send("a");
        assertEquals("chan(cap=2, len=1)", ch.toString());
        ch.close();
        assertEquals("chan(cap=2, len=1, closed)", ch.toString());
    }

    @Test
    void namesTheCallerOfMakeWhileCreationSitesAreRecorded() {
        boolean before = Chan.recordsCreationSites();
        Chan<String> recorded;
        int line;
        try {
            Chan.recordCreationSites(true);
            recorded = Chan.make(); line = new Throwable().getStackTrace()[0].getLineNumber();
        } finally {
            Chan.recordCreationSites(before);
        }
        String expected = "chan(cap=0, len=0, made at dev.weft.chan.ChanDescriptionTest"
                + ".namesTheCallerOfMakeWhileCreationSitesAreRecorded(ChanDescriptionTest.java:" + line + "))";
        assertEquals(expected, recorded.toString());
        assertTrue(before || !Chan.make().toString().contains("made at"), "off again: no site");
    }
}
