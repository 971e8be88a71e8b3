package dev.weft.samples;

import dev.weft.annotation.After;
import dev.weft.annotation.Recv;
import dev.weft.annotation.Select;
import dev.weft.chan.Chan;
import dev.weft.context.Context;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code @Select} event loop: a batcher that flushes when a batch is full or when no item has
 * come for a while, and ends when its input closes. The processor turns the declaration into
 * {@code BatcherSample_BatchLoopSelect}, one prepared select reused every round.
 *
 * <pre>{@code
 * // Go
 * for {
 *     select {
 *     case it, ok := <-items:
 *         if !ok { flush("closed"); return }
 *         batch = append(batch, it)
 *         if len(batch) == 3 { flush("size") }
 *     case <-time.After(30 * time.Millisecond):
 *         flush("idle")
 *     }
 * }
 * }</pre>
 */
public final class BatcherSample implements Sample {
    @Override
    public String name() {
        return "batcher";
    }

    @Override
    public String title() {
        return "a @Select event loop: a batcher flushing on size or when idle";
    }

    /** The cases of the loop; the generated class binds their channels and runs them. */
    @Select
    interface BatchLoop {
        /** A new item, or the close (ok false); returning false ends the loop. */
        @Recv
        boolean item(String item, boolean ok);

        /** Nothing arrived for 30 ms. */
        @After("30ms")
        void idle();
    }

    /** The loop's state: the batch being filled, and where flushed batches go. */
    static final class Batcher implements BatchLoop {
        private final PrintStream out;
        private final Chan<String> idleFlushes;
        private List<String> batch = new ArrayList<>();

        Batcher(PrintStream out, Chan<String> idleFlushes) {
            this.out = out;
            this.idleFlushes = idleFlushes;
        }

        @Override
        public boolean item(String item, boolean ok) {
            if (!ok) {
                out.println("items closed: " + (batch.isEmpty() ? "nothing pending" : flush("closed")));
                return false;
            }
            batch.add(item);
            if (batch.size() == 3) {
                flush("size");
            }
            return true;
        }

        @Override
        public void idle() {
            if (!batch.isEmpty()) {
                idleFlushes.trySend(flush("idle"));
            }
        }

        private String flush(String why) {
            String line = "flush (" + why + "): " + batch;
            out.println(line);
            batch = new ArrayList<>();
            return line;
        }
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Chan<String> items = Chan.make(16);
        for (String s : List.of("a", "b", "c", "d", "e", "f", "g")) {
            items.send(s);   // all ready at once: the idle case cannot fire between them
        }
        Chan<String> idleFlushes = Chan.make(1);
        Thread loop = Thread.ofVirtual().start(() -> {
            try {
                BatcherSample_BatchLoopSelect.bind(items).loop(Context.background(), new Batcher(out, idleFlushes));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        idleFlushes.recv();  // "g" went out on the idle timeout
        items.close();       // the loop sees the close and ends
        loop.join();
    }

    public static void main(String[] args) throws Exception {
        new BatcherSample().run(System.out);
    }
}
