package dev.weft.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A send case of a {@link Select @Select} type: Go's {@code case ch <- v:}. The method takes no
 * parameters and returns the value to offer; it is called once before every round, and a null
 * result disables the case for that round (Go's nil-channel trick for "send only when there is
 * something to send"). The return type is the channel's element type. A {@link Sent @Sent}
 * method, if declared, is told when the value was taken.
 *
 * <pre>{@code
 * @Send String next();                       // e.g. queue.peek()
 * @Sent("next") void taken(String s);        // e.g. queue.poll()
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Send {}
