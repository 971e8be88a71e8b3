package test;

import dev.weft.annotation.Go;
import dev.weft.annotation.Out;
import dev.weft.chan.RecvChan;
import dev.weft.chan.SendChan;
import dev.weft.context.Context;
import java.io.IOException;
import java.util.List;

public class Orders {
    /** A generator: the launcher returns the channel. */
    @Go(buffer = 16)
    public static void generate(int n, @Out SendChan<Integer> out) throws InterruptedException {
        for (int i = 0; i < n; i++) out.send(i);
    }

    /** Fan-out and fan-in: four copies share one output. */
    @Go(workers = 4)
    void square(Context ctx, RecvChan<Integer> in, @Out SendChan<Long> out) throws InterruptedException {
        for (int v : in) out.send((long) v * v);
    }

    /** A value-returning goroutine. */
    @Go
    public <T extends Comparable<T>> T max(List<T> values) throws IOException {
        return values.stream().max(Comparable::compareTo).orElseThrow();
    }

    /** Plain fire-and-forget with several workers and varargs. */
    @Go(workers = 2, name = "audit")
    static void log(Context ctx, String... lines) {}
}
