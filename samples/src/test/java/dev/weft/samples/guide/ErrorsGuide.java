package dev.weft.samples.guide;

import dev.weft.chan.Chan;
import dev.weft.chan.ChannelClosedException;
import dev.weft.goroutine.Goroutine;
import dev.weft.goroutine.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Snippets of docs/guide.md, "Errors, panics and recover". */
final class ErrorsGuide {
    private ErrorsGuide() {}

    static String recover() {
        Chan<String> ch = Chan.make(1);
        ch.close();
        // [guide:recover]
        try {
            ch.send("late");                                     // Go panics: send on closed channel
        } catch (ChannelClosedException e) {                     // recover() in a deferred function
            return "recovered: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();                  // the other way a blocking call ends
            return "interrupted";
        }
        // [/guide:recover]
        return "no panic";
    }

    static String scopeFailure() throws InterruptedException {
        // [guide:scopefailure]
        try (Scope scope = Scope.open()) {
            scope.go("parser", () -> Integer.parseInt("forty-two"));   // throws NumberFormatException
            scope.go("waiter", () -> scope.context().done().recvOk()); // cancelled by that failure
            scope.await();                                       // rethrows the first failure
        } catch (NumberFormatException e) {
            return "scope failed: " + e.getMessage();
        }
        // [/guide:scopefailure]
        return "no failure";
    }

    static List<String> uncaught() throws InterruptedException {
        List<String> seen = new CopyOnWriteArrayList<>();
        try {
            // [guide:uncaught]
            Goroutine.setUncaughtHandler((g, e) -> seen.add(g.name() + ": " + e));   // default: printed to stderr
            Goroutine g = Goroutine.go("detached", () -> {
                throw new IllegalStateException("boom");         // nobody joins a detached goroutine
            });
            // [/guide:uncaught]
            g.join();
        } finally {
            Goroutine.setUncaughtHandler(null);
        }
        return new ArrayList<>(seen);
    }
}
