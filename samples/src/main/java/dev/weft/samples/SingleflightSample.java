package dev.weft.samples;

import dev.weft.chan.Chan;
import dev.weft.chan.RecvChan;
import dev.weft.sync.Singleflight;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Singleflight (Go's {@code golang.org/x/sync/singleflight}): ten requests miss the cache for
 * the same key at once; one fill runs, and all ten share its result.
 *
 * <pre>{@code
 * // Go
 * v, err, shared := g.Do("user:42", func() (any, error) { return db.Load(42) })
 * }</pre>
 */
public final class SingleflightSample implements Sample {
    @Override
    public String name() {
        return "singleflight";
    }

    @Override
    public String title() {
        return "singleflight: ten cache misses, one fill, a shared result";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Singleflight<String, String> fills = new Singleflight<>();
        AtomicInteger loads = new AtomicInteger();
        Chan<Void> gate = Chan.make();   // holds the fill in flight while the others arrive

        List<RecvChan<Singleflight.Result<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waiting.add(fills.doChan("user:42", () -> {   // g.DoChan(key, fn)
                gate.recvOk();
                loads.incrementAndGet();
                return "Ada Lovelace";
            }));
        }
        gate.close();
        int shared = 0;
        String value = null;
        for (RecvChan<Singleflight.Result<String>> r : waiting) {
            Singleflight.Result<String> result = r.recv();
            value = result.get();
            shared += result.shared() ? 1 : 0;
        }
        out.println("loads from the database: " + loads.get());
        out.println("callers served: " + waiting.size() + ", shared: " + shared + ", value: " + value);

        // The flight is over: the next miss loads again.
        Singleflight.Result<String> again = fills.doCall("user:42", () -> {
            loads.incrementAndGet();
            return "Ada Lovelace";
        });
        out.println("a later call loads again: loads=" + loads.get() + ", shared=" + again.shared());
    }

    public static void main(String[] args) throws Exception {
        new SingleflightSample().run(System.out);
    }
}
