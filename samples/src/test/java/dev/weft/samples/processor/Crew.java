package dev.weft.samples.processor;

import dev.weft.annotation.Go;
import dev.weft.annotation.Out;
import dev.weft.chan.RecvChan;
import dev.weft.chan.SendChan;
import dev.weft.context.Context;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A fan-out of workers on one job channel, with one merged result channel (an instance method: the launcher takes the crew). */
final class Crew {

    /** Thread names of the copies that started. */
    final Set<String> started = ConcurrentHashMap.newKeySet();
    /** Copies that have returned. */
    final AtomicInteger finished = new AtomicInteger();

    @Go(workers = 4, buffer = 2)
    void work(Context ctx, RecvChan<Integer> jobs, @Out SendChan<Integer> results) throws InterruptedException {
        started.add(Thread.currentThread().getName());
        try {
            for (int job : jobs) {
                results.send(ctx, job * 10);
            }
        } finally {
            finished.incrementAndGet();
        }
    }
}
