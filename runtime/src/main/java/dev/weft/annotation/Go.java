package dev.weft.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose body runs as a goroutine. The Weft processor generates a companion class
 * beside the declaring class ({@code OrdersGo} for {@code Orders}, {@code Outer_InnerGo} for a
 * nested {@code Outer.Inner}) with one static launcher per {@code @Go} method:
 *
 * <ul>
 *   <li>the launcher takes the {@code Scope} the goroutine joins first; a leading
 *       {@code Context} parameter is filled with the scope's context; an instance method's
 *       launcher takes the receiver next, then the remaining parameters;
 *   <li>an {@link Out @Out} {@code SendChan<T>} parameter becomes the launcher's result, a
 *       {@code RecvChan<T>} made with capacity {@link #buffer()} and closed when the method ends,
 *       however it ends (Go's {@code defer close(out)});
 *   <li>{@link #workers()} {@code = n} starts n copies over the same arguments; their outputs
 *       share one channel, closed after the last copy ends (fan-out and fan-in);
 *   <li>a method returning a value gets a launcher returning a {@code Handle<T>} whose
 *       {@code join()} gives the value or rethrows the failure.
 * </ul>
 *
 * <pre>{@code
 * final class Pipeline {
 *     @Go(buffer = 16)
 *     static void generate(int n, @Out SendChan<Integer> out) throws InterruptedException {
 *         for (int i = 1; i <= n; i++) out.send(i);
 *     }
 *
 *     @Go(workers = 4)
 *     static void square(RecvChan<Integer> in, @Out SendChan<Integer> out) throws InterruptedException {
 *         for (int v : in) out.send(v * v);
 *     }
 * }
 *
 * try (var scope = Scope.open()) {
 *     RecvChan<Integer> squares = PipelineGo.square(scope, PipelineGo.generate(scope, 100));
 *     for (int s : squares) System.out.println(s);
 *     scope.await();
 * }
 * }</pre>
 *
 * <p>The method must be callable from the companion (not private, not abstract, in a class that
 * is neither private, local nor anonymous). A failure of the method goes to the scope: the first
 * one cancels it. Every rule the processor checks, with its fix, is listed in
 * {@code docs/processor.md}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Go {

    /** Capacity of the {@link Out @Out} channel the launcher makes; 0 (the default) is unbuffered. Must not be negative. */
    int buffer() default 0;

    /** How many copies of the method the launcher starts over the same arguments; at least 1. */
    int workers() default 1;

    /**
     * The goroutine's name, as seen in thread names ({@code <name>#<seq>}) and goroutine dumps;
     * empty (the default) means {@code Class.method}, e.g. {@code Orders.process}.
     */
    String name() default "";
}
