package dev.weft.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface or abstract class whose methods are the cases of one select statement, Go's
 * {@code for { select { ... } }} as a declaration the compiler checks. The Weft processor
 * generates {@code BatcherSelect} beside {@code Batcher} ({@code Outer_InnerSelect} for a nested
 * type) with:
 *
 * <ul>
 *   <li>{@code bind(..)}: takes one channel per {@link Recv @Recv} and {@link Send @Send} case, in
 *       declaration order, typed from the case methods (a wrong element type does not compile);
 *       a null channel disables its case (Go's nil channel);
 *   <li>{@code loop(ctx, handler)}: runs the select over and over on one prepared select, with
 *       no allocation per round; drops a receive case once its channel is closed and drained
 *       (Go's set-to-nil idiom); returns when every receive case is gone or when a case method
 *       returns {@code false}; when {@code ctx} is done it calls the {@link Done @Done} case and
 *       returns, or, without one, throws the context's error;
 *   <li>{@code once(ctx, handler)}: one select, returning whether a loop would go on.
 * </ul>
 *
 * <pre>{@code
 * @Select
 * interface Batcher {
 *     @Recv boolean item(String s);           // false ends the loop
 *     @Send List<String> flush();             // null disables the send this round
 *     @Sent("flush") void flushed(List<String> batch);
 *     @After("50ms") void idle();             // re-armed every round
 *     @Done void cancelled();
 * }
 * BatcherSelect.bind(items, batches).loop(ctx, new MyBatcher());
 * }</pre>
 *
 * <p>Every abstract method must carry one case annotation; concrete and static methods are
 * helpers and are left alone. Case methods must be overridable (neither private, static nor
 * final). Every rule the processor checks, with its fix, is listed in {@code docs/processor.md}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Select {}
