package dev.weft.bench;

import dev.weft.context.CancelContext;
import dev.weft.context.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Context costs. {@link #cancelTree}: cancelling a context tree of 100,000 nodes (fan-out 10,
 * breadth first), reported in ns per node; {@code kind} picks the nodes: plain withCancel
 * children, withTimeout children (each also leaves the shared timer heap), or withCancel
 * children whose done channel was requested (each cancel then closes a real channel).
 * {@link #withCancelClose} and {@link #withTimeoutClose}: a request's whole context life, made
 * and closed, in ns per context.
 *
 * <p>Run: {@code java -cp ... org.openjdk.jmh.Main ContextBench}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ContextBench {
    static final int NODES = 100_000;
    static final int FANOUT = 10;

    /** A fresh tree before each cancel. */
    @State(Scope.Thread)
    public static class Tree {
        @Param({"cancel", "timeout", "doneChannel"})
        public String kind;

        CancelContext root;
        CancelContext leaf;

        @Setup(Level.Invocation)
        public void build() {
            root = Context.background().withCancel();
            List<CancelContext> all = new ArrayList<>(NODES);
            all.add(root);
            for (int i = 0; all.size() < NODES; i++) {
                CancelContext parent = all.get(i);
                for (int j = 0; j < FANOUT && all.size() < NODES; j++) {
                    all.add(child(parent));
                }
            }
            leaf = all.get(NODES - 1);
        }

        private CancelContext child(Context parent) {
            switch (kind) {
                case "timeout":
                    return parent.withTimeout(Duration.ofHours(1));
                case "doneChannel": {
                    CancelContext c = parent.withCancel();
                    c.done();
                    return c;
                }
                default:
                    return parent.withCancel();
            }
        }
    }

    /** One cancel of the root reaches all 100,000 nodes; the score is per node. */
    @Benchmark
    @OperationsPerInvocation(NODES)
    public Object cancelTree(Tree tree) {
        tree.root.cancel();
        return tree.leaf.err();
    }

    /** Go's {@code ctx, cancel := WithCancel(bg); cancel()}. */
    @Benchmark
    public Object withCancelClose() {
        try (CancelContext c = Context.background().withCancel()) {
            return c;
        }
    }

    /** Go's {@code ctx, cancel := WithTimeout(bg, time.Hour); cancel()}. */
    @Benchmark
    public Object withTimeoutClose() {
        try (CancelContext c = Context.background().withTimeout(Duration.ofHours(1))) {
            return c;
        }
    }
}
