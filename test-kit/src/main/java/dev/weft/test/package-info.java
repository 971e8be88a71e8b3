/**
 * Weft's test kit: goroutine leak check, deadlock detection and virtual time, for JUnit 5 and
 * for any other framework.
 *
 * <ul>
 * <li>{@link dev.weft.test.CheckLeaks} (JUnit 5) and {@link dev.weft.test.Leaks} (plain): fail a
 *     test whose goroutines outlive it, as Go's goleak.</li>
 * <li>{@link dev.weft.test.WeftTest} (JUnit 5) and {@link dev.weft.test.Bubble} (plain): run a
 *     test in a bubble, as Go's {@code testing/synctest}: a {@link dev.weft.test.VirtualClock}
 *     that jumps to the next timer when everything is blocked, a
 *     {@link dev.weft.test.DeadlockError} ("all goroutines are asleep - deadlock!") when nothing
 *     can ever run again, and the leak check.</li>
 * </ul>
 *
 * <p>docs/testing.md shows each with an example.
 */
package dev.weft.test;
