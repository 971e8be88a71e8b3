package dev.weft.goroutine;

import dev.weft.time.Clock;

/**
 * One live goroutine as seen by {@link Goroutine#snapshot()}: its fields are read one after
 * another while it keeps running, so they may disagree slightly (a state of RUNNABLE with a
 * blocker read a moment earlier).
 *
 * @param name      the goroutine's name, such as {@code "worker#12"}
 * @param thread    its virtual thread
 * @param state     the thread's state when read
 * @param startSite the caller of the {@code go} that started it; null unless start sites are
 *                  recorded (see {@link Goroutine#recordStartSites(boolean)})
 * @param waitingOn what it is parked on ({@code LockSupport.getBlocker}): a channel, a select,
 *                  a scope, a WaitGroup...; null when not parked on an object
 * @param scope     the scope it belongs to; null for a detached goroutine
 * @param stack     its stack, innermost frame first
 * @param clock     the clock it inherited when it started ({@link Clock#current()} of its
 *                  starter): the system clock, or a test kit's virtual clock, which tells
 *                  which test bubble it belongs to
 */
public record GoroutineInfo(String name, Thread thread, Thread.State state,
                            StackTraceElement startSite, Object waitingOn, Scope scope,
                            StackTraceElement[] stack, Clock clock) {
}
