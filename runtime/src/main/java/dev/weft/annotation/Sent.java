package dev.weft.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The completion callback of a {@link Send @Send} case: called when a receiver took the value that
 * round. It takes the value sent or nothing, and returns {@code void} or {@code boolean} (false
 * ends the loop).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Sent {

    /** The name of the {@code @Send} method whose value this callback hears about. */
    String value();
}
