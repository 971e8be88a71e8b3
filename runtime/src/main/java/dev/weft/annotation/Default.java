package dev.weft.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The default case of a {@link Select @Select} type: Go's {@code default:}, run when no other case
 * is ready, so a round never blocks. At most one per type. The handler takes no parameters and
 * returns {@code void} or {@code boolean} (false ends the loop).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Default {}
