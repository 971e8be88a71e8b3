package dev.weft.context;

import dev.weft.chan.Chan;
import dev.weft.chan.RecvChan;
import dev.weft.chan.Select;
import dev.weft.goroutine.Goroutine;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * afterFunc for a context of a foreign type: a virtual thread waits for its done channel or for
 * stop, as Go's propagateCancel starts a goroutine for a parent it does not know.
 */
final class Watcher implements AfterFunc {
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final Chan<Void> stopped = Chan.make();

    private Watcher() {}

    static AfterFunc start(RecvChan<Void> done, Runnable f) {
        Watcher w = new Watcher();
        Goroutine.go("context.watch", () -> w.watch(done, f));
        return w;
    }

    private void watch(RecvChan<Void> done, Runnable f) {
        int chosen;
        try {
            chosen = Select.on().recv(done, () -> { }).recv(stopped, () -> { }).run();
        } catch (InterruptedException e) {
            return; // only a thread dump tool would interrupt us; the registration is lost
        }
        if (chosen == 0 && claimed.compareAndSet(false, true)) {
            f.run(); // this thread is the function's own goroutine
        }
    }

    @Override
    public boolean stop() {
        if (!claimed.compareAndSet(false, true)) {
            return false;
        }
        stopped.close();
        return true;
    }

    @Override
    public String toString() {
        return "context watcher";
    }
}
