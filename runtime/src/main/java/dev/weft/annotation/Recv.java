package dev.weft.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A receive case of a {@link Select @Select} type: Go's {@code case v := <-ch:}. The handler
 * takes the value ({@code void item(String s)}), the value and {@code ok}
 * ({@code void item(String s, boolean ok)}: Go's {@code v, ok := <-ch}, the value is null when
 * ok is false) or nothing ({@code void tick()}). The channel's element type is the value's type
 * (boxed), so {@code bind} asks for a {@code RecvChan<String>} here.
 *
 * <p>Once the channel is closed and drained, a loop drops the case without calling the handler
 * (Go's {@code ch = nil}), unless the handler takes {@code ok}: then it sees every close and
 * decides itself. The handler returns {@code void}, or {@code boolean}: false ends the loop.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Recv {}
