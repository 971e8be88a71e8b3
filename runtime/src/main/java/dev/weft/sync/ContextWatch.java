package dev.weft.sync;

import dev.weft.context.Context;
import dev.weft.chan.RecvChan;
import java.util.concurrent.locks.LockSupport;

/**
 * Lets a thread parked on a sync object wake when a context is done: a small virtual thread
 * receives from the context's done channel and unparks it. The waiter interrupts the watcher
 * when it stops waiting. Used only by the context-taking waits, off the hot paths.
 */
final class ContextWatch {
    private ContextWatch() {}

    /** Starts the watcher, or returns null when {@code ctx} can never be done. */
    static Thread unparkWhenDone(Context ctx, Thread waiter) {
        RecvChan<Void> done = ctx.done();
        if (done == null) {
            return null;
        }
        return Thread.ofVirtual().name("weft-context-watch").start(() -> {
            try {
                done.recvOk();
                LockSupport.unpark(waiter);
            } catch (InterruptedException e) {
                // the waiter stopped waiting first
            }
        });
    }
}
