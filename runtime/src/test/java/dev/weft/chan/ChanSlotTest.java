package dev.weft.chan;

import static dev.weft.chan.Goroutines.awaitParked;
import static dev.weft.chan.Goroutines.awaitParkedOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An unbuffered channel's rendezvous slot, where a lone plain send or receive waits without
 * the lock, meeting the queues that selects and later waiters use: whoever waits in the slot
 * keeps its turn, a select can pair with it, it can give up from either place, and the slot
 * is free again once the queues drain. A partner takes a waiter's node with a CAS on the node
 * and leaves it in the slot, so a node already taken is met in the slot by the next operation,
 * which replaces it, or, moved there by a locked operation just before, in a queue, where it
 * is dropped; and once its wait is over the node holds neither value nor thread.
 */
@Timeout(60)
class ChanSlotTest {

    @Test
    void aWaiterInTheSlotKeepsItsTurnAheadOfASelectAndAPlainReceiverQueuedBehindIt()
            throws Exception {
        Chan<Integer> ch = Chan.make();
        Chan<Integer> never = Chan.make();
        int[] got = new int[3];
        try (Goroutines g = new Goroutines()) {
            Thread first = g.go("plain receiver, in the slot", () -> got[0] = ch.recv());
            awaitParkedOn(first, ch);
            Thread second = g.go("select receiver, queued", () -> Select.on()
                    .recv(ch, v -> got[1] = v)
                    .recv(never, v -> got[1] = -1)
                    .run());
            awaitParked(second);
            Thread third = g.go("plain receiver, queued", () -> got[2] = ch.recv());
            awaitParkedOn(third, ch);
            for (int i = 0; i < 3; i++) {
                ch.send(10 + i);
            }
        }
        assertEquals(10, got[0], "the receiver that waited first, in the slot, is served first");
        assertEquals(11, got[1]);
        assertEquals(12, got[2]);
        assertSame(null, ch.slot, "the queues drained, so plain operations skip the lock again");
    }

    @Test
    void aSelectPairsWithAPlainSenderWaitingInTheSlot() throws Exception {
        Chan<Integer> ch = Chan.make();
        Chan<Integer> never = Chan.make();
        AtomicInteger got = new AtomicInteger();
        try (Goroutines g = new Goroutines()) {
            Thread sender = g.go("sender", () -> ch.send(5));
            awaitParkedOn(sender, ch);
            int chosen = Select.on()
                    .recv(never, v -> got.set(-1))
                    .recv(ch, got::set)
                    .orElse(() -> got.set(-2))
                    .run();
            assertEquals(1, chosen, "the waiting sender makes the case ready: no default");
        }
        assertEquals(5, got.get());
        assertNull(ch.slot);
    }

    @Test
    void aWaiterMovedFromTheSlotToTheQueueCanStillGiveUp() throws Exception {
        Chan<Integer> ch = Chan.make();
        int[] got = new int[1];
        try (Goroutines g = new Goroutines()) {
            Thread first = g.go("receiver that gives up", () ->
                    assertThrows(InterruptedException.class, ch::recv));
            awaitParkedOn(first, ch);
            Thread second = g.go("receiver behind it", () -> got[0] = ch.recv());
            awaitParkedOn(second, ch); // its arrival moved the first into the queue
            assertSame(Chan.SLOT_LOCKED, ch.slot);
            first.interrupt();
            first.join();
            ch.send(3);
        }
        assertEquals(3, got[0], "the value went to the receiver still waiting");
        assertNull(ch.slot);
        assertFalse(ch.trySend(4), "nobody is left waiting");
    }

    @Test
    void closeCompletesTheWaiterInTheSlotAndClosesTheSlotForGood() throws Exception {
        Chan<Integer> ch = Chan.make();
        try (Goroutines g = new Goroutines()) {
            Thread sender = g.go("sender", () ->
                    assertThrows(ChannelClosedException.class, () -> ch.send(1)));
            awaitParkedOn(sender, ch);
            ch.close();
        }
        assertSame(Chan.SLOT_CLOSED, ch.slot);
        assertFalse(ch.recvOk().ok());
        assertTrue(ch.tryRecv() != null && !ch.tryRecv().ok(), "a closed channel is ready");
        assertThrows(ChannelClosedException.class, () -> ch.trySend(2));
    }

    @Test
    void aTakenNodeLeftInTheSlotCountsAsNobodyWaiting() throws Exception {
        Chan<Integer> ch = Chan.make();
        Node taken = Node.solo(Thread.currentThread(), false);
        assertTrue(taken.take());
        assertTrue(ch.casSlot(null, taken), "as its partner leaves it");
        assertFalse(ch.trySend(1), "a node already taken is not a receiver");
        assertNull(ch.tryRecv(), "nor a sender");
        assertSame(taken, ch.slot, "the tries saw nobody waiting without taking the lock");

        int[] got = new int[1];
        try (Goroutines g = new Goroutines()) {
            Thread sender = g.go("sender", () -> ch.send(7));
            awaitParkedOn(sender, ch);
            assertTrue(ch.slot instanceof Node n && n != taken && n.send,
                    "the plain send replaced the taken node and waits in the slot itself");
            got[0] = ch.recv();
        }
        assertEquals(7, got[0]);

        assertTrue(ch.casSlot(ch.slot, taken));
        ch.lock();
        try {
            ch.lockSlotLocked();
        } finally {
            ch.unlock();
        }
        assertNull(ch.slot, "a locked operation drops the taken node, not queues it");
    }

    @Test
    void aHandOffThroughTheSlotLeavesANodeWithNeitherValueNorThread() throws Exception {
        for (boolean receiverWaits : new boolean[] {true, false}) {
            Chan<Object> ch = Chan.make();
            Object value = new Object();
            Object[] got = new Object[1];
            try (Goroutines g = new Goroutines()) {
                if (receiverWaits) {
                    Thread receiver = g.go("receiver", () -> got[0] = ch.recv());
                    awaitParkedOn(receiver, ch);
                    ch.send(value);
                } else {
                    Thread sender = g.go("sender", () -> ch.send(value));
                    awaitParkedOn(sender, ch);
                    got[0] = ch.recv();
                }
            }
            assertSame(value, got[0]);
            String who = receiverWaits ? "receiver" : "sender";
            assertTrue(ch.slot instanceof Node n && n.state == Waiter.DONE,
                    "the " + who + "'s taken node stays in the slot");
            Node left = (Node) ch.slot;
            assertNull(left.item, "the node left by the " + who + " holds no value");
            assertNull(left.thread, "the node left by the " + who + " holds no thread");
        }
    }

    @Test
    void anIdleChannelKeepsNoValueItCarriedReachable() throws Exception {
        for (boolean receiverWaits : new boolean[] {true, false}) {
            Chan<Object> ch = Chan.make();
            WeakReference<Object> carried = handOff(ch, receiverWaits);
            for (int i = 0; i < 50 && carried.get() != null; i++) {
                System.gc();
                Thread.sleep(10);
            }
            assertNull(carried.get(), "the channel keeps the value it carried reachable ("
                    + (receiverWaits ? "receiver" : "sender") + " waited)");
            assertNull(ch.tryRecv(), "and the channel still works");
        }
    }

    /** One hand-off of a fresh value over {@code ch}; returns a weak reference to the value. */
    private static WeakReference<Object> handOff(Chan<Object> ch, boolean receiverWaits)
            throws Exception {
        Object value = new byte[1 << 20];
        WeakReference<Object> ref = new WeakReference<>(value);
        try (Goroutines g = new Goroutines()) {
            if (receiverWaits) {
                Thread receiver = g.go("receiver", ch::recv);
                awaitParkedOn(receiver, ch);
                ch.send(value);
            } else {
                Thread sender = g.go("sender", () -> ch.send(value));
                awaitParkedOn(sender, ch);
                ch.recv();
            }
        }
        return ref;
    }

    @Test
    void closeAfterAHandOffThroughTheSlotClosesIt() throws Exception {
        Chan<Integer> ch = Chan.make();
        try (Goroutines g = new Goroutines()) {
            Thread receiver = g.go("receiver", ch::recv);
            awaitParkedOn(receiver, ch);
            ch.send(1);
        }
        assertTrue(ch.slot instanceof Node, "the taken node is left in the slot");
        ch.close();
        assertSame(Chan.SLOT_CLOSED, ch.slot);
        assertFalse(ch.recvOk().ok());
        assertThrows(ChannelClosedException.class, () -> ch.send(2));
    }

    @Test
    void aNodeMovedToTheQueueAndThenTakenThroughTheSlotIsDroppedThere() throws Exception {
        Chan<Integer> ch = Chan.make();
        Node receiver = Node.solo(Thread.currentThread(), false);
        assertTrue(ch.casSlot(null, receiver));
        ch.lock();
        try {
            ch.lockSlotLocked(); // a locked operation moves the waiter to recvq...
        } finally {
            ch.unlock();
        }
        assertSame(Chan.SLOT_LOCKED, ch.slot);
        assertTrue(receiver.take(), "...while a partner that read it from the slot takes it");
        receiver.finish(5);

        assertFalse(ch.trySend(6), "the taken node is stale in the queue: nobody receives 6");
        assertNull(ch.slot, "with the stale node dropped the queues are empty again");
        assertFalse(receiver.queued);
        assertEquals(5, receiver.delivered(), "the partner that took it delivered its value");
        assertFalse(ch.cancel(receiver), "a taken node cannot be given up");
    }
}
