package dev.weft.samples.guide;

import dev.weft.chan.Chan;
import dev.weft.context.AfterFunc;
import dev.weft.context.CancelCauseContext;
import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import dev.weft.context.ContextCanceledException;
import dev.weft.context.ContextException;
import dev.weft.context.DeadlineExceededException;
import dev.weft.context.Key;
import dev.weft.goroutine.Scope;
import dev.weft.time.Time;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Snippets of docs/guide.md, "Context". */
final class ContextGuide {
    private ContextGuide() {}

    // [guide:key]
    static final Key<String> REQUEST_ID = Key.of("requestId");   // type key struct{}; a typed key
    // [/guide:key]

    static List<String> cancel() throws InterruptedException {
        List<String> log = new ArrayList<>();
        // [guide:cancel]
        try (CancelContext ctx = Context.background().withCancel();  // ctx, cancel := context.WithCancel(ctx)
             Scope scope = Scope.open()) {                           // defer cancel(): close() cancels
            scope.go("worker", () -> {
                ctx.done().recvOk();                                 // <-ctx.Done()
                log.add("worker: " + ctx.err().getMessage());        // ctx.Err()
            });
            ctx.cancel();                                            // cancel()
            scope.await();
        }
        // [/guide:cancel]
        return log;
    }

    static String timeout() throws InterruptedException {
        Chan<String> replies = Chan.make();
        // [guide:ctxtimeout]
        try (CancelContext ctx = Context.background().withTimeout(Duration.ofMillis(20))) {
            String reply = replies.recv(ctx);                        // select { case r := <-replies: case <-ctx.Done(): }
            return reply;
        } catch (DeadlineExceededException e) {                      // errors.Is(err, context.DeadlineExceeded)
            return "gave up: " + e.getMessage();
        }
        // [/guide:ctxtimeout]
    }

    static boolean deadline() throws InterruptedException {
        // [guide:deadline]
        Instant at = Instant.now().plusSeconds(1);
        try (CancelContext parent = Context.background().withDeadline(at);   // context.WithDeadline
             CancelContext child = parent.withTimeout(Duration.ofHours(1))) {
            Time.sleep(child, Duration.ofMillis(1));                 // a sleep that ctx can cut short
            return child.deadline().orElseThrow().equals(at);        // true: never later than the parent's
        }
        // [/guide:deadline]
    }

    static String values() throws InterruptedException {
        String[] seen = new String[1];
        // [guide:values]
        Context request = Context.background().withValue(REQUEST_ID, "r-42");   // context.WithValue
        try (Scope scope = Scope.open(request)) {
            scope.go("handler", () -> seen[0] = scope.context().value(REQUEST_ID));   // "r-42"
            scope.await();
        }
        // [/guide:values]
        return seen[0];
    }

    static List<Object> cause() {
        List<Object> out = new ArrayList<>();
        // [guide:cause]
        ContextException err;
        Throwable why;
        try (CancelCauseContext ctx = Context.background().withCancelCause()) {   // context.WithCancelCause
            ctx.cancel(new IOException("peer reset"));               // cancel(err)
            err = ctx.err();                                         // context.Canceled
            why = ctx.cause();                                       // context.Cause(ctx): the IOException
        }
        // [/guide:cause]
        out.add(err instanceof ContextCanceledException);
        out.add(why.getMessage());
        try (CancelContext ctx = Context.background()
                .withTimeoutCause(Duration.ZERO, new IllegalStateException("too slow"))) {
            out.add(ctx.cause().getMessage());
        }
        return out;
    }

    static List<Object> afterFuncAndWithoutCancel() throws InterruptedException {
        List<Object> out = new ArrayList<>();
        Chan<Void> closed = Chan.make();
        // [guide:afterfunc]
        CancelContext ctx = Context.background().withValue(REQUEST_ID, "r-7").withCancel();
        AfterFunc stop = ctx.afterFunc(() -> closed.close());       // stop := context.AfterFunc(ctx, f)
        Context audit = ctx.withoutCancel();                         // context.WithoutCancel(ctx)
        ctx.cancel();
        closed.recvOk();                                             // f ran in its own goroutine
        boolean prevented = stop.stop();                             // false: too late, f has run
        boolean auditDone = audit.isDone();                          // false; audit.value(REQUEST_ID) is "r-7"
        // [/guide:afterfunc]
        out.add(prevented);
        out.add(auditDone);
        out.add(audit.value(REQUEST_ID));
        return out;
    }
}
