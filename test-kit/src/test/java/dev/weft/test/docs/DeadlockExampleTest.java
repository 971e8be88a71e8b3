package dev.weft.test.docs;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.weft.chan.Chan;
import dev.weft.goroutine.Goroutine;
import dev.weft.test.DeadlockError;
import dev.weft.test.WeftTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The example of docs/testing.md, "Deadlock detection": a test that fails, run from a test. */
class DeadlockExampleTest {

    @WeftTest
    static class Pipeline {
        @Test
        void forgetsToCloseTheInput() throws InterruptedException {
            Chan<Integer> numbers = Chan.make();
            Chan<Integer> squares = Chan.make();
            Goroutine.go("squarer", () -> {
                for (int n : numbers) {
                    squares.send(n * n);
                }
                squares.close();
            });
            numbers.send(3);
            int sum = 0;
            for (int s : squares) {  // numbers is never closed: squares never ends
                sum += s;
            }
        }
    }

    @Test
    void theDeadlockFailsTheTestAtOnce() {
        Throwable failure = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Pipeline.class))
                .execute().testEvents().failed().list().get(0)
                .getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertInstanceOf(DeadlockError.class, failure);
        String message = failure.getMessage();
        assertTrue(message.startsWith("all goroutines are asleep - deadlock!"), message);
        assertTrue(message.contains("goroutine squarer#"), message);
        if (Boolean.getBoolean("weft.printExample")) {
            System.out.println(message);
        }
    }
}
