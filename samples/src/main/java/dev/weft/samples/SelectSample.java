package dev.weft.samples;

import dev.weft.chan.Chan;
import dev.weft.chan.Select;
import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Select: a timeout, a default case, and a quit channel ending a loop.
 *
 * <pre>{@code
 * // Go
 * select {
 * case v := <-results: use(v)
 * case <-time.After(50 * time.Millisecond): fmt.Println("timeout")
 * }
 * }</pre>
 */
public final class SelectSample implements Sample {
    @Override
    public String name() {
        return "select";
    }

    @Override
    public String title() {
        return "select with timeout, default, a quit channel, and context cancellation";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        // Timeout: nothing arrives on results, so the timeout case fires.
        Chan<String> results = Chan.make();
        Select.on()
                .recv(results, v -> out.println("result " + v))
                .after(Duration.ofMillis(50), () -> out.println("timeout: no result within 50ms"))
                .run();

        // Default: a non-blocking receive.
        Chan<String> messages = Chan.make();
        Select.on()
                .recv(messages, m -> out.println("message " + m))
                .orElse(() -> out.println("default: no message ready"))
                .run();

        // A loop over values and a quit channel (Go's fibonacci example).
        Chan<Long> fib = Chan.make();
        Chan<Void> quit = Chan.make();
        Thread.ofVirtual().start(() -> {
            try {
                StringBuilder sb = new StringBuilder("fibonacci:");
                for (int i = 0; i < 10; i++) {
                    sb.append(' ').append(fib.recv());
                }
                out.println(sb);
                quit.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long[] xy = {0, 1};
        boolean[] done = {false};
        while (!done[0]) {
            Select.on()
                    .send(fib, xy[0], () -> {
                        long x = xy[0];
                        xy[0] = xy[1];
                        xy[1] = x + xy[1];
                    })
                    .recv(quit, () -> done[0] = true)
                    .run();
        }
        out.println("quit");

        // Context cancellation: case <-ctx.Done() ends a wait that nothing else would end.
        try (CancelContext ctx = Context.background().withTimeout(Duration.ofMillis(20))) {
            Chan<String> idle = Chan.make();
            Select.on()
                    .recv(idle, v -> out.println("got " + v))
                    .recv(ctx.done(), () -> out.println("ctx.Done(): " + ctx.err().getMessage()))
                    .run();
        }
    }

    public static void main(String[] args) throws Exception {
        new SelectSample().run(System.out);
    }
}
