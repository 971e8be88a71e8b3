package dev.weft.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@code SendChan<T>} parameter of a {@link Go @Go} method that carries its output. The
 * launcher makes the channel (capacity {@link Go#buffer()}), passes its send side to the method,
 * returns its receive side ({@code RecvChan<T>}) and closes it when the method ends, however it
 * ends. The method must therefore not close it itself.
 *
 * <pre>{@code
 * @Go
 * static void words(String text, @Out SendChan<String> out) throws InterruptedException {
 *     for (String w : text.split(" ")) out.send(w);
 * }
 * // RecvChan<String> words = TextGo.words(scope, "a b c");
 * }</pre>
 *
 * <p>At most one parameter per method may carry {@code @Out}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Out {}
