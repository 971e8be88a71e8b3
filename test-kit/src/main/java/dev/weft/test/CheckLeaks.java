package dev.weft.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails a JUnit 5 test when goroutines it started outlive it (Go's goleak). On a class it
 * applies to each test method; a method's own annotation replaces the class's.
 *
 * <p>Goroutines alive before the test began are not the test's. Goroutines still alive when
 * it ends get up to half a second to finish before they are reported; the failure lists each
 * with its name, where it was started (start sites are recorded while the test runs), what it
 * waits on, and its stack.
 *
 * <p>Tests that check leaks must not run in parallel with other tests that start goroutines:
 * the registry of goroutines is shared by the whole JVM.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(GoroutineLeakCheck.class)
public @interface CheckLeaks {

    /** Goroutine names (without {@code #<seq>}) never reported; see {@link LeakFilter#named}. */
    String[] ignoreNames() default {};

    /** Start sites never reported; see {@link LeakFilter#startedAt}. */
    String[] ignoreStartSites() default {};
}
