package dev.weft.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each JUnit 5 test method (with {@code @Test}, or a template such as
 * {@code @ParameterizedTest}) in a {@link Bubble}: virtual time, deadlock detection and the
 * leak check of {@link CheckLeaks}. On a class it applies to each test method; a method's own
 * annotation replaces the class's filters. {@code @BeforeEach} and {@code @AfterEach} methods
 * run outside the bubble, on real time.
 *
 * <pre>{@code
 * @WeftTest
 * class TimeoutTest {
 *     @Test
 *     void tenMinuteTimeout() throws InterruptedException {
 *         ...   // Clock.current() is the bubble's VirtualClock here
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(BubbleExtension.class)
public @interface WeftTest {

    /** Goroutine names (without {@code #<seq>}) never reported; see {@link LeakFilter#named}. */
    String[] ignoreNames() default {};

    /** Start sites never reported; see {@link LeakFilter#startedAt}. */
    String[] ignoreStartSites() default {};
}
