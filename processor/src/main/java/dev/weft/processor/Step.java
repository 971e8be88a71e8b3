package dev.weft.processor;

import javax.annotation.processing.RoundEnvironment;

/**
 * One annotation's share of the processor: {@code @Go} or {@code @Select}. Each round,
 * a step validates the elements it owns, builds a small model of the valid ones and generates
 * from it; diagnostics go through the shared {@link dev.weft.processor.common.Reporter}. A step
 * wraps the work on each element in {@link dev.weft.processor.common.Env#guard}, so one bad
 * element costs only itself; anything that still escapes becomes an error, never a javac crash.
 */
public interface Step {

    /** Called once per round, the last round ({@code round.processingOver()}) included. */
    void process(RoundEnvironment round);
}
