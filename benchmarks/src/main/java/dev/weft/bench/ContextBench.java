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
 * Cancelling a context tree of 100,000 nodes (fan-out 10, breadth first), reported in ns per
 * node. {@code kind} picks the nodes: plain withCancel children, or withTimeout children (each
 * also removes its entry from the shared timer heap), or withCancel children whose done channel
 * was requested (each cancel then closes a real channel).
 *
 * <p>Run: {@code java -cp ... org.openjdk.jmh.Main ContextBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ContextBench {
    static final int NODES = 100_000;
    static final int FANOUT = 10;

    @Param({"cancel", "timeout", "doneChannel"})
    public String kind;

    private CancelContext root;
    private CancelContext leaf;

    @Setup(Level.Invocation)
    public void buildTree() {
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

    /** One cancel of the root reaches all 100,000 nodes; the score is per node. */
    @Benchmark
    @OperationsPerInvocation(NODES)
    public Object cancelTree() {
        root.cancel();
        return leaf.err();
    }
}
