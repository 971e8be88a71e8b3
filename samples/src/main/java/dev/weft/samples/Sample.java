package dev.weft.samples;

import java.io.PrintStream;

/** One runnable program of the tour: a Go pattern written with Weft. */
public interface Sample {
    /** Short name used on the command line, e.g. {@code sieve}. */
    String name();

    /** One line saying what the sample shows. */
    String title();

    /** Runs the sample, printing to {@code out}. */
    void run(PrintStream out) throws Exception;
}
