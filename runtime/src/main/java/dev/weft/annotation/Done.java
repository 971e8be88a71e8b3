package dev.weft.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The context's done case of a {@link Select @Select} type: Go's {@code case <-ctx.Done():}. Called
 * once when the context given to {@code loop} or {@code once} is done; the loop then returns.
 * Without a {@code @Done} method the loop throws the context's error instead
 * ({@code ContextCanceledException} or {@code DeadlineExceededException}). At most one per type;
 * it takes no parameters and returns {@code void}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Done {}
