package dev.weft.test.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.chan.Chan;
import dev.weft.goroutine.Goroutine;
import dev.weft.sync.WaitGroup;
import dev.weft.test.CheckLeaks;
import dev.weft.test.LeakFilter;
import dev.weft.test.Leaks;
import org.junit.jupiter.api.Test;

/** The examples of docs/testing.md, "Leak check"; they run as tests and pass. */
@CheckLeaks
class LeakCheckExampleTest {

    @Test
    void workersEndWhenTheJobsChannelCloses() throws InterruptedException {
        Chan<Integer> jobs = Chan.make(10);
        Chan<Integer> results = Chan.make(10);
        WaitGroup wg = new WaitGroup();
        for (int w = 0; w < 3; w++) {
            wg.go("worker", () -> {
                for (int job : jobs) {
                    results.send(job * 2);
                }
            });
        }
        for (int i = 1; i <= 5; i++) {
            jobs.send(i);
        }
        jobs.close(); // without this line the three workers leak and the test fails
        wg.await();
        assertEquals(5, results.len());
    }

    @Test
    void anyFramework() throws InterruptedException {
        LeakFilter before = Leaks.ignoreCurrent();  // goroutines already running are not ours
        Chan<String> done = Chan.make();
        Goroutine.go("greeter", () -> done.send("hello"));
        assertEquals("hello", done.recv());
        Leaks.verifyNone(before, LeakFilter.named("metrics-flusher"));
    }
}
