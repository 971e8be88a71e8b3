package dev.weft.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The timeout case of a {@link Select @Select} type: Go's {@code case <-time.After(d):} inside a
 * loop. It fires when {@link #value()} passes from the start of a round with no other case
 * ready, so it is re-armed every round: it fires only when the loop is idle. The handler takes
 * no parameters and returns {@code void} or {@code boolean} (false ends the loop).
 *
 * <pre>{@code
 * @After("250ms") void idle();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface After {

    /**
     * The duration in Go's notation, checked at compile time: a sequence of integers each with
     * a unit {@code ns}, {@code us}, {@code ms}, {@code s}, {@code m} or {@code h}, e.g.
     * {@code "50ms"}, {@code "1m30s"}.
     */
    String value();
}
