package dev.weft.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs an inner test class with the Jupiter engine and returns what its one test did: the kit's
 * checks are tested by making inner tests fail on purpose. Inner classes are not run by
 * Surefire on their own (it skips nested classes).
 */
final class Inner {
    private Inner() {}

    /** The failure of {@code testClass}'s single test, or null if it passed. */
    static Throwable run(Class<?> testClass) {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .execute()
                .testEvents();
        List<Event> finished = tests.finished().list();
        assertEquals(1, finished.size(), "tests run in " + testClass.getSimpleName());
        TestExecutionResult result = finished.get(0)
                .getPayload(TestExecutionResult.class).orElseThrow();
        return result.getThrowable().orElse(null);
    }

    /** The failure message of {@code testClass}'s single test, which must have failed. */
    static String failure(Class<?> testClass) {
        Throwable t = run(testClass);
        if (t == null) {
            throw new AssertionError(testClass.getSimpleName() + " passed; it should have failed");
        }
        return String.valueOf(t.getMessage());
    }

    /** Fails unless {@code testClass}'s single test passed. */
    static void passes(Class<?> testClass) {
        Throwable t = run(testClass);
        if (t != null) {
            throw new AssertionError(testClass.getSimpleName() + " failed", t);
        }
    }
}
