package dev.weft.samples;

import dev.weft.annotation.Go;
import dev.weft.annotation.Out;
import dev.weft.chan.RecvChan;
import dev.weft.chan.SendChan;
import dev.weft.goroutine.Scope;
import java.io.PrintStream;

/**
 * A pipeline of {@code @Go} stages (Go's "pipelines" blog post): each stage is a method that
 * receives from the stage before and sends to an {@code @Out} channel; the processor generates
 * {@code PipelineSampleGo}, whose launchers start a stage in a scope, return its output and close
 * it when the stage ends.
 *
 * <pre>{@code
 * // Go
 * func sq(in <-chan int) <-chan int {
 *     out := make(chan int)
 *     go func() { defer close(out); for n := range in { out <- n * n } }()
 *     return out
 * }
 * }</pre>
 */
public final class PipelineSample implements Sample {
    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public String title() {
        return "a pipeline of @Go stages: generate, square, sum";
    }

    /** Stage 1: emits 1..n. */
    @Go(buffer = 4)
    static void numbers(int n, @Out SendChan<Integer> out) throws InterruptedException {
        for (int i = 1; i <= n; i++) {
            out.send(i);
        }
    }

    /** Stage 2: squares each value until its input is closed. */
    @Go
    static void squares(RecvChan<Integer> in, @Out SendChan<Integer> out) throws InterruptedException {
        for (int v : in) {
            out.send(v * v);
        }
    }

    /** Stage 3: a goroutine with a result. */
    @Go
    static long total(RecvChan<Integer> in) {
        long sum = 0;
        for (int v : in) {
            sum += v;
        }
        return sum;
    }

    @Override
    public void run(PrintStream out) throws Exception {
        try (Scope scope = Scope.open()) {
            var sum = PipelineSampleGo.total(scope, PipelineSampleGo.squares(scope, PipelineSampleGo.numbers(scope, 10)));
            out.println("sum of squares 1..10 = " + sum.join());
            scope.await();
        }
    }

    public static void main(String[] args) throws Exception {
        new PipelineSample().run(System.out);
    }
}
