package dev.weft.chan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Model-checked channel operations (Lincheck 3.7, model-checking mode: it runs the code under a
 * controlled scheduler and explores thread switches at every shared-memory access, lock and park).
 *
 * <p>Two checks. The non-blocking operations trySend, tryRecv and close (with len) are checked
 * for linearizability against an independent sequential model (a bounded FIFO with a closed
 * flag), with Lincheck's generated scenarios, on capacities 1 and 2 (on capacity 0 with no
 * blocked partner they cannot succeed, so the blocking check covers it). Blocking send and recv
 * cannot be given a sequential specification Lincheck accepts (a rendezvous is a pair event), so
 * fixed three-thread scenarios mixing send, recv, trySend, tryRecv and close run under
 * Lincheck's general-purpose model checker, each invocation on capacities 0, 1 and 2 in turn
 * (one exploration per scenario keeps Lincheck's fixed cost per run low), and every explored
 * interleaving is checked against the channel's contract: nothing lost or duplicated, FIFO per
 * sender, a send that succeeded was received or is still buffered, a send that failed threw
 * "send on closed channel" and its value is nowhere, no deadlock.
 *
 * <p>Class and operations are public: Lincheck instantiates the class reflectively.
 */
@Param(name = "v", gen = IntGen.class, conf = "1:3")
public class ChanLincheckTest {
    private Chan<Integer> ch = Chan.make(capacityForLinearizability);

    /** Lincheck builds the instance itself, so the capacity under test is handed over here. */
    private static volatile int capacityForLinearizability = 1;

    public ChanLincheckTest() {}

    @Operation
    public String trySend(@Param(name = "v") int v) {
        try {
            return String.valueOf(ch.trySend(v));
        } catch (ChannelClosedException e) {
            return e.getMessage();
        }
    }

    @Operation
    public String tryRecv() {
        return describe(ch.tryRecv());
    }

    @Operation
    public String close() {
        try {
            ch.close();
            return "ok";
        } catch (ChannelClosedException e) {
            return e.getMessage();
        }
    }

    @Operation
    public int len() {
        return ch.len();
    }

    static String describe(Received<Integer> r) {
        return r == null ? "empty" : r.ok() ? "v" + r.value() : "closed";
    }

    /** The sequential specification: Go's channel as a bounded FIFO plus a closed flag. */
    public static class Model {
        private final int capacity = capacityForLinearizability;
        private final ArrayDeque<Integer> q = new ArrayDeque<>();
        private boolean closed;

        public String trySend(int v) {
            if (closed) {
                return "send on closed channel";
            }
            if (q.size() >= capacity) {
                return "false";
            }
            q.add(v);
            return "true";
        }

        public String tryRecv() {
            if (!q.isEmpty()) {
                return "v" + q.poll();
            }
            return closed ? "closed" : "empty";
        }

        public String close() {
            if (closed) {
                return "close of closed channel";
            }
            closed = true;
            return "ok";
        }

        public int len() {
            return q.size();
        }
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, 2})
    @DisplayName("model check: trySend, tryRecv, close, len are linearizable")
    public void nonBlockingOperationsAreLinearizable(int capacity) {
        capacityForLinearizability = capacity;
        new ModelCheckingOptions()
                .iterations(ITERATIONS)
                .invocationsPerIteration(INVOCATIONS_PER_ITERATION)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(1)
                .actorsAfter(1)
                .sequentialSpecification(Model.class)
                .check(ChanLincheckTest.class);
    }

    // ------------------------------------------------------------ blocking operations

    /** One sender, one receiver, one closer: every interleaving keeps the contract. */
    @Test
    @DisplayName("model check, capacities 0-2: send/recv racing close lose nothing")
    public void sendRecvRacingClose() {
        Lincheck.runConcurrentTest(INVOCATIONS, () -> {
            for (int capacity = 0; capacity <= 2; capacity++) {
                sendRecvRacingClose(capacity);
            }
        });
    }

    private static void sendRecvRacingClose(int capacity) {
        Chan<Integer> c = Chan.make(capacity);
        List<Integer> sent = new ArrayList<>();
        List<String> sendOutcomes = new ArrayList<>();
        List<Integer> received = new ArrayList<>();
        Thread sender = new Thread(() -> {
            for (int v = 1; v <= 2; v++) {
                try {
                    c.send(v);
                    sent.add(v);
                    sendOutcomes.add("ok");
                } catch (ChannelClosedException e) {
                    sendOutcomes.add(e.getMessage());
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        });
        Thread receiver = new Thread(() -> {
            for (int i = 0; i < 2; i++) {
                try {
                    Received<Integer> r = c.recvOk();
                    if (r.ok()) {
                        received.add(r.value());
                    }
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        });
        Thread closer = new Thread(c::close);
        startAndJoin(sender, receiver, closer);
        checkDelivery(c, capacity, sent, sendOutcomes, received);
    }

    /** Blocking and non-blocking operations mixed, with a close. */
    @Test
    @DisplayName("model check, capacities 0-2: send/trySend against recv/tryRecv, close")
    public void blockingAndNonBlockingMixed() {
        Lincheck.runConcurrentTest(INVOCATIONS, () -> {
            for (int capacity = 0; capacity <= 2; capacity++) {
                blockingAndNonBlockingMixed(capacity);
            }
        });
    }

    private static void blockingAndNonBlockingMixed(int capacity) {
        Chan<Integer> c = Chan.make(capacity);
        List<Integer> sent = new ArrayList<>();
        List<String> sendOutcomes = new ArrayList<>();
        List<Integer> received = new ArrayList<>();
        Thread sender = new Thread(() -> {
            try {
                c.send(1);
                sent.add(1);
                sendOutcomes.add("ok");
                if (c.trySend(2)) {
                    sent.add(2);
                }
                sendOutcomes.add("ok");
            } catch (ChannelClosedException e) {
                sendOutcomes.add(e.getMessage());
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        Thread receiver = new Thread(() -> {
            Received<Integer> r = c.tryRecv();
            if (r != null && r.ok()) {
                received.add(r.value());
            }
            try {
                r = c.recvOk();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            if (r.ok()) {
                received.add(r.value());
            }
        });
        Thread closer = new Thread(c::close);
        startAndJoin(sender, receiver, closer);
        checkDelivery(c, capacity, sent, sendOutcomes, received);
    }

    /** Two senders and one receiver, no close: each value arrives exactly once. */
    @Test
    @DisplayName("model check, capacities 0-2: two senders, one receiver, no loss or duplicate")
    public void twoSendersOneReceiver() {
        Lincheck.runConcurrentTest(INVOCATIONS, () -> {
            for (int capacity = 0; capacity <= 2; capacity++) {
                twoSendersOneReceiver(capacity);
            }
        });
    }

    private static void twoSendersOneReceiver(int capacity) {
        Chan<Integer> c = Chan.make(capacity);
        List<Integer> received = new ArrayList<>();
        Thread s1 = new Thread(() -> sendUnchecked(c, 1));
        Thread s2 = new Thread(() -> sendUnchecked(c, 2));
        Thread r = new Thread(() -> {
            for (int i = 0; i < 2; i++) {
                try {
                    received.add(c.recv());
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        });
        startAndJoin(s1, s2, r);
        received.sort(null);
        assertEquals(List.of(1, 2), received);
        assertEquals(0, c.len());
    }

    /*
     * Budget: Lincheck costs a few seconds per run plus up to a second per explored
     * interleaving on a busy 2-core machine, so the default search is shallow (10 interleavings
     * per blocking scenario, each over capacities 0-2; 2 x 60 linearizability runs). Search
     * deeper with -Dweft.lincheck.invocations=300 -Dweft.lincheck.iterations=6 (it passed:
     * about nine minutes there).
     */
    private static final int INVOCATIONS = Integer.getInteger("weft.lincheck.invocations", 10);
    private static final int ITERATIONS = Integer.getInteger("weft.lincheck.iterations", 2);
    private static final int INVOCATIONS_PER_ITERATION = 6 * INVOCATIONS;

    private static void sendUnchecked(Chan<Integer> c, int v) {
        try {
            c.send(v);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void startAndJoin(Thread... ts) {
        for (Thread t : ts) {
            t.start();
        }
        for (Thread t : ts) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /**
     * The contract of one sender against a close: the values received, then those still
     * buffered, are exactly the values whose send succeeded, in send order; once a send threw,
     * later sends threw too; on an unbuffered channel nothing is buffered.
     */
    private static void checkDelivery(Chan<Integer> c, int capacity, List<Integer> sent,
            List<String> sendOutcomes, List<Integer> received) {
        List<Integer> delivered = new ArrayList<>(received);
        Received<Integer> r;
        while ((r = c.tryRecv()) != null && r.ok()) {
            delivered.add(r.value());
        }
        assertTrue(r != null && !r.ok(), "a closed channel reports closed once drained");
        assertEquals(sent, delivered, "sent " + sent + ", received " + received);
        assertTrue(delivered.size() - received.size() <= capacity, "buffer over capacity");
        boolean failed = false;
        for (String o : sendOutcomes) {
            if (failed) {
                assertEquals("send on closed channel", o);
            }
            if (!o.equals("ok")) {
                assertEquals("send on closed channel", o);
                failed = true;
            }
        }
    }
}
