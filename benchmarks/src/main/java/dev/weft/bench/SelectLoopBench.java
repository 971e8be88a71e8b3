package dev.weft.bench;

import dev.weft.chan.Chan;
import dev.weft.chan.Select;
import dev.weft.context.Context;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W8 generated select loop: the same receive loop over two channels written three ways, in ns
 * (and, with {@code -prof gc}, bytes) per round. Each invocation queues {@value #ROUNDS} values,
 * half on each buffered channel, then runs {@value #ROUNDS} rounds of a select over both, so
 * every round finds a case ready and the numbers are the select's own cost, not parking:
 *
 * <ul>
 *   <li>{@code generated}: {@link FanInLoopSelect}, what the processor generates for
 *       {@link FanInLoop}: one {@code PreparedSelect} per loop, nothing allocated per round;
 *   <li>{@code fluent}: the same loop with {@code Select.on().recv(..).recv(..).run()} per round;
 *   <li>{@code jox}: the same loop with Jox's {@code Select.select(receiveClause(), ..)}.
 * </ul>
 *
 * The queueing (one non-blocking send per round) is the same in all three.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(org.openjdk.jmh.annotations.Scope.Thread)
public class SelectLoopBench {
    static final int ROUNDS = 1000;
    private static final Integer VALUE = 42; // from the Integer cache: queueing allocates nothing

    private Chan<Integer> a;
    private Chan<Integer> b;
    private FanInLoopSelect generatedLoop;
    private Counter counter;
    private Select.RecvAction<Integer> onA;
    private Select.RecvAction<Integer> onB;
    private com.softwaremill.jox.Channel<Integer> joxA;
    private com.softwaremill.jox.Channel<Integer> joxB;
    private long sum;

    /** The handler of the generated loop: counts rounds and ends the loop after {@link #ROUNDS}. */
    static final class Counter implements FanInLoop {
        int left;
        long sum;

        @Override
        public boolean a(Integer v) {
            sum += v;
            return --left > 0;
        }

        @Override
        public boolean b(Integer v) {
            sum += v;
            return --left > 0;
        }
    }

    @Setup
    public void setUp() {
        a = Chan.make(ROUNDS);
        b = Chan.make(ROUNDS);
        generatedLoop = FanInLoopSelect.bind(a, b);
        counter = new Counter();
        onA = v -> sum += v;
        onB = v -> sum += v;
        joxA = com.softwaremill.jox.Channel.newBufferedChannel(ROUNDS);
        joxB = com.softwaremill.jox.Channel.newBufferedChannel(ROUNDS);
    }

    private void fill() {
        for (int i = 0; i < ROUNDS / 2; i++) {
            a.trySend(VALUE);
            b.trySend(VALUE);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public long generated() throws InterruptedException {
        fill();
        counter.left = ROUNDS;
        generatedLoop.loop(Context.background(), counter);
        return counter.sum;
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public long fluent() throws InterruptedException {
        fill();
        for (int i = 0; i < ROUNDS; i++) {
            Select.on().recv(a, onA).recv(b, onB).run();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public long jox() throws InterruptedException {
        for (int i = 0; i < ROUNDS / 2; i++) {
            joxA.send(VALUE);
            joxB.send(VALUE);
        }
        long s = 0;
        for (int i = 0; i < ROUNDS; i++) {
            s += com.softwaremill.jox.Select.select(joxA.receiveClause(), joxB.receiveClause());
        }
        return s;
    }
}
