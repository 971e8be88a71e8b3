package dev.weft.samples;

import dev.weft.chan.Chan;
import dev.weft.chan.Select;
import dev.weft.goroutine.Scope;
import java.io.PrintStream;
import java.time.Duration;

/** The README's example: a producer, a squarer, and a select with a timeout, in one scope. */
public final class HelloSample implements Sample {
    @Override
    public String name() {
        return "hello";
    }

    @Override
    public String title() {
        return "the README's example: goroutines in a scope, channels, range, select";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        try (Scope scope = Scope.open()) {
            Chan<Integer> jobs = Chan.make(100);          // make(chan int, 100)
            Chan<Integer> results = Chan.make();          // make(chan int)

            scope.go("producer", () -> {                  // go func() { ... }()
                try (jobs) {                              // defer close(jobs)
                    for (int i = 1; i <= 3; i++) jobs.send(i);
                }
            });
            scope.go("squarer", () -> {
                for (int j : jobs) results.send(j * j);   // for j := range jobs
            });
            for (int n = 0; n < 3; n++) {
                Select.on()
                    .recv(results, r -> out.println("result " + r))
                    .after(Duration.ofSeconds(1), () -> out.println("timeout"))
                    .run();
            }
            scope.await();                                // errgroup's Wait
        }                                                 // no goroutine outlives the block
    }

    public static void main(String[] args) throws Exception {
        new HelloSample().run(System.out);
    }
}
