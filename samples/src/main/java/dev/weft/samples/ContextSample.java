package dev.weft.samples;

import dev.weft.chan.Chan;
import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import dev.weft.context.ContextException;
import dev.weft.context.Key;
import dev.weft.goroutine.Scope;
import dev.weft.time.Time;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * Context: cancellation that reaches every goroutine, a timeout, a deadline, and a request
 * value crossing goroutines.
 *
 * <pre>{@code
 * // Go
 * ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
 * defer cancel()
 * select {
 * case v := <-results: use(v)
 * case <-ctx.Done(): fmt.Println(ctx.Err())
 * }
 * }</pre>
 */
public final class ContextSample implements Sample {
    static final Key<String> REQUEST_ID = Key.of("requestId");

    @Override
    public String name() {
        return "context";
    }

    @Override
    public String title() {
        return "context: cancel reaches every goroutine, timeout, deadline, values";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        // Cancel: three workers block until their context is done, then report why.
        try (CancelContext ctx = Context.background().withCancel();
             Scope scope = Scope.open()) {
            Chan<String> reports = Chan.make(3);
            for (int i = 1; i <= 3; i++) {
                int id = i;
                scope.go("worker", () -> {
                    ctx.done().recvOk();                       // <-ctx.Done()
                    reports.send("worker " + id + ": " + ctx.err().getMessage());
                });
            }
            ctx.cancel();                                      // cancel()
            scope.await();
            java.util.List<String> lines = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                lines.add(reports.recv());
            }
            java.util.Collections.sort(lines);
            lines.forEach(out::println);
        }

        // Timeout: a receive that gives up when the context's time is up.
        try (CancelContext ctx = Context.background().withTimeout(Duration.ofMillis(30))) {
            Chan<String> slow = Chan.make();
            try {
                slow.recv(ctx);
            } catch (ContextException e) {
                out.println("timeout: " + e.getMessage());
            }
        }

        // Deadline: a child cannot outlive its parent's deadline.
        Instant soon = Instant.now().plusSeconds(1);
        try (CancelContext parent = Context.background().withDeadline(soon);
             CancelContext child = parent.withTimeout(Duration.ofHours(1))) {
            out.println("child deadline is the parent's: " + child.deadline().orElseThrow().equals(soon));
            Time.sleep(child, Duration.ofMillis(1));           // sleeps, ctx still live
            out.println("child done before its parent's deadline: " + child.isDone());
        }

        // Values: a request id set once, read by a goroutine deep in the call tree.
        Context request = Context.background().withValue(REQUEST_ID, "r-42");
        try (Scope scope = Scope.open(request)) {
            scope.go("handler", () -> out.println("handler sees request " + scope.context().value(REQUEST_ID)));
            scope.await();
        }
    }

    public static void main(String[] args) throws Exception {
        new ContextSample().run(System.out);
    }
}
