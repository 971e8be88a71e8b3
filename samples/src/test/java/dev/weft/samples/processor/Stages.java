package dev.weft.samples.processor;

import dev.weft.annotation.Go;
import dev.weft.annotation.Out;
import dev.weft.chan.Chan;
import dev.weft.chan.RecvChan;
import dev.weft.chan.SendChan;
import dev.weft.context.Context;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pipeline stages as {@code @Go} methods: the processor turns each into a one-line launcher in
 * {@code StagesGo}. None of them closes its {@code @Out} channel; the launchers do.
 */
final class Stages {

    private Stages() {}

    /** Stage 1, a generator: 1..n. */
    @Go(buffer = 8)
    static void generate(int n, @Out SendChan<Integer> out) throws InterruptedException {
        for (int i = 1; i <= n; i++) {
            out.send(i);
        }
    }

    /** Stage 2: squares what it receives until its input is closed. */
    @Go
    static void square(RecvChan<Integer> in, @Out SendChan<Integer> out) throws InterruptedException {
        for (int v : in) {
            out.send(v * v);
        }
    }

    /** Stage 3: renders each value. */
    @Go
    static void render(String prefix, RecvChan<Integer> in, @Out SendChan<String> out) throws InterruptedException {
        for (int v : in) {
            out.send(prefix + v);
        }
    }

    /** A value-returning goroutine. */
    @Go
    static long sum(RecvChan<Integer> in) {
        long total = 0;
        for (int v : in) {
            total += v;
        }
        return total;
    }

    /** A value-returning goroutine with a checked failure. */
    @Go
    static int parse(String text) throws IOException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IOException("not a number: " + text, e);
        }
    }

    /** Sends 0, 1, 2, ... until the scope's context is done. */
    @Go
    static void count(Context ctx, @Out SendChan<Integer> out) throws InterruptedException {
        for (int i = 0; ; i++) {
            out.send(ctx, i);
        }
    }

    /** Blocks on a channel nobody sends to, ignoring the context: only an interrupt ends it. */
    @Go
    static void stuck() throws InterruptedException {
        Chan.<String>make().recv();
    }

    @Go
    static void fail(String why) {
        throw new IllegalStateException(why);
    }

    /** Three copies over the same arguments, under a chosen goroutine name. */
    @Go(workers = 3, name = "tally")
    static void tally(AtomicInteger counter, Set<String> threads) {
        threads.add(Thread.currentThread().getName());
        counter.incrementAndGet();
    }

    /** A generic, varargs, value-returning goroutine. */
    @SafeVarargs
    @Go
    static <T extends Comparable<T>> T max(T... values) {
        T best = values[0];
        for (T v : values) {
            if (v.compareTo(best) > 0) {
                best = v;
            }
        }
        return best;
    }

    /** Sends {@code good} values, then fails: its launcher must still close the channel. */
    @Go
    static void breakAfter(int good, @Out SendChan<Integer> out) throws InterruptedException {
        for (int i = 0; i < good; i++) {
            out.send(i);
        }
        throw new IllegalArgumentException("broken after " + good);
    }

    /** Misuse: the launcher owns the close, so closing here makes the launcher's close fail, as Go's would. */
    @Go
    static void closesItsOwnOut(@Out SendChan<Integer> out) {
        out.close();
    }
}
