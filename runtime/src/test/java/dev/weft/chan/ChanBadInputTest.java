package dev.weft.chan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.context.Context;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/** Every bad input gets a clear error that names the problem (or Go's documented behaviour). */
@Timeout(60)
class ChanBadInputTest {

    private static void assertMessage(Class<? extends Throwable> type, String fragment,
            Executable call) {
        Throwable e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(fragment),
                "message '" + e.getMessage() + "' should mention '" + fragment + "'");
    }

    @Test
    void negativeCapacityNamesTheSize() {
        assertMessage(IllegalArgumentException.class, "-5", () -> Chan.make(-5));
        assertMessage(IllegalArgumentException.class, "size out of range", () -> Chan.make(-1));
    }

    @Test
    void nullElementsAreRejected() {
        Chan<Integer> ch = Chan.make(1);
        assertMessage(NullPointerException.class, "null", () -> ch.send(null));
        assertMessage(NullPointerException.class, "null", () -> ch.trySend(null));
        assertMessage(NullPointerException.class, "null",
                () -> ch.send(Context.background(), null));
        assertEquals(0, ch.len(), "nothing was sent");
    }

    @Test
    void nullContextIsRejected() {
        Chan<Integer> ch = Chan.make(1);
        assertMessage(NullPointerException.class, "context", () -> ch.send(null, 1));
        assertMessage(NullPointerException.class, "context", () -> ch.recv(null));
        assertMessage(NullPointerException.class, "context", () -> ch.recvOk(null));
        assertMessage(NullPointerException.class, "context", () -> Select.on().run(null));
    }

    @Test
    void closeTwiceAndSendOnClosedUseGoWords() {
        Chan<Integer> ch = Chan.make();
        ch.close();
        assertMessage(ChannelClosedException.class, "close of closed channel", ch::close);
        assertMessage(ChannelClosedException.class, "send on closed channel", () -> ch.send(1));
        assertMessage(ChannelClosedException.class, "receive from closed channel", ch::recv);
    }

    @Test
    void twoDefaultsInASelectAreRejected() {
        assertMessage(IllegalStateException.class, "two default cases",
                () -> Select.on().orElse(() -> { }).orElse(() -> { }));
        PreparedSelect p = new PreparedSelect();
        p.orElse();
        assertMessage(IllegalStateException.class, "two default cases", p::orElse);
    }

    @Test
    void nullHandlersAndDurationsAreRejected() {
        Chan<Integer> ch = Chan.make();
        assertThrows(NullPointerException.class,
                () -> Select.on().recv(ch, (Select.RecvAction<Integer>) null));
        assertThrows(NullPointerException.class, () -> Select.on().recv(ch, (Select.Action) null));
        assertThrows(NullPointerException.class, () -> Select.on().recvOk(ch, null));
        assertThrows(NullPointerException.class, () -> Select.on().send(ch, 1, null));
        assertThrows(NullPointerException.class, () -> Select.on().orElse(null));
        assertMessage(NullPointerException.class, "duration",
                () -> Select.on().after(null, () -> { }));
    }

    @Test
    void emptySelectBlocksUntilInterrupted() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (Goroutines g = new Goroutines()) {
            Thread t = g.go("select {}", () -> {
                try {
                    Select.on().run();
                } catch (InterruptedException e) {
                    thrown.set(e);
                }
            });
            Goroutines.awaitParked(t);
            t.interrupt();
        }
        assertTrue(thrown.get() instanceof InterruptedException);
        try (Goroutines g = new Goroutines()) {
            Thread t = g.go("prepared select {}", () -> {
                try {
                    new PreparedSelect().select();
                } catch (InterruptedException e) {
                    thrown.set(null);
                }
            });
            Goroutines.awaitParked(t);
            t.interrupt();
        }
        assertEquals(null, thrown.get());
    }

    @Test
    void preparedSelectMisuseNamesTheCase() throws Exception {
        Chan<Integer> ch = Chan.make(1);
        PreparedSelect p = new PreparedSelect();
        int r = p.recv(ch);
        int s = p.send(ch);
        int t = p.after(Duration.ofSeconds(1));
        Class<IllegalArgumentException> iae = IllegalArgumentException.class;
        assertMessage(iae, "case 0 is not a send case", () -> p.value(r, 1));
        assertMessage(iae, "case 1 is not a receive case", () -> p.recv(s, ch));
        assertMessage(iae, "case 0 is not a send case", () -> p.send(r, ch));
        assertMessage(iae, "case 2 is not a send case", () -> p.value(t, 1));
        assertMessage(IllegalArgumentException.class, "case 3 ", () -> p.value(3, 1));
        assertMessage(IllegalArgumentException.class, "case -1 ", () -> p.recv(-1, ch));
        // The misuse changed nothing: the select still works.
        p.value(s, 5);
        assertEquals(s, p.select(), "only the send case is ready");
        assertEquals(r, p.select());
        assertEquals(5, p.value());
        assertTrue(p.ok());
    }
}
