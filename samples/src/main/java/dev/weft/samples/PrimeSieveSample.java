package dev.weft.samples;

import dev.weft.chan.Chan;
import dev.weft.chan.RecvChan;
import dev.weft.chan.SendChan;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's concurrent prime sieve: a chain of filter goroutines, one per prime found, each passing
 * on the numbers its prime does not divide.
 */
public final class PrimeSieveSample implements Sample {
    @Override
    public String name() {
        return "sieve";
    }

    @Override
    public String title() {
        return "Go's concurrent prime sieve: a daisy chain of filter goroutines";
    }

    /** Sends 2, 3, 4, ... until interrupted. */
    static void generate(SendChan<Integer> ch) throws InterruptedException {
        for (int i = 2; ; i++) {
            ch.send(i);
        }
    }

    /** Copies values from in to out, dropping those divisible by prime. */
    static void filter(RecvChan<Integer> in, SendChan<Integer> out, int prime)
            throws InterruptedException {
        for (;;) {
            int i = in.recv();
            if (i % prime != 0) {
                out.send(i);
            }
        }
    }

    /**
     * The first n primes. Every goroutine started is added to {@code goroutines}, then
     * interrupted and joined before returning.
     */
    static List<Integer> primes(int n, List<Thread> goroutines) throws InterruptedException {
        List<Integer> primes = new ArrayList<>();
        try {
            Chan<Integer> ch = Chan.make();
            goroutines.add(Thread.ofVirtual().name("sieve.generate").start(() -> run(() -> generate(ch))));
            RecvChan<Integer> in = ch;
            for (int i = 0; i < n; i++) {
                int prime = in.recv();
                primes.add(prime);
                Chan<Integer> next = Chan.make();
                RecvChan<Integer> from = in;
                goroutines.add(Thread.ofVirtual().name("sieve.filter-" + prime)
                        .start(() -> run(() -> filter(from, next, prime))));
                in = next;
            }
        } finally {
            for (Thread t : goroutines) {
                t.interrupt();
            }
            for (Thread t : goroutines) {
                t.join();
            }
        }
        return primes;
    }

    private interface Body {
        void run() throws InterruptedException;
    }

    private static void run(Body body) {
        try {
            body.run();
        } catch (InterruptedException e) {
            // Stopped by primes(): the sieve is done.
        }
    }

    @Override
    public void run(PrintStream out) throws Exception {
        out.println("first 25 primes: " + primes(25, new ArrayList<>()));
    }

    public static void main(String[] args) throws Exception {
        new PrimeSieveSample().run(System.out);
    }
}
