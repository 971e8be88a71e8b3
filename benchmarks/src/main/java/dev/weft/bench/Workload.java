package dev.weft.bench;

/**
 * Sizes shared by the three twins of each workload ({@link WeftChannels}, {@link JdkQueues},
 * {@link JoxChannels}), so their ns per message are comparable.
 *
 * <p>Each invocation moves {@link #MESSAGES} values on fresh virtual threads; at a few hundred
 * ns per message that is tens of milliseconds, against a few microseconds to start and join the
 * threads, so thread start is noise. W7 starts its {@link #POPULAR_RECEIVERS} receivers before
 * the timed part (JMH {@code Level.Invocation} set-up): starting 10,000 threads is W6's subject,
 * not W7's.
 */
final class Workload {
    /** Messages per invocation of W1 to W5 (W1: one-way hops, so half as many round trips). */
    static final int MESSAGES = 100_000;
    /** Buffer of W3 and W4. */
    static final int CAPACITY = 128;
    /** Producers, and consumers, of W4. */
    static final int MPMC_THREADS = 4;
    /** W7: goroutines each blocked receiving on its own channel. */
    static final int POPULAR_RECEIVERS = 10_000;
    /** W7: values each receiver gets per invocation. */
    static final int POPULAR_ROUNDS = 20;
    /** W7: messages per invocation. */
    static final int POPULAR_MESSAGES = POPULAR_RECEIVERS * POPULAR_ROUNDS;

    /** The value every workload moves: preallocated, so no workload measures boxing. */
    static final Integer MSG = 42;

    private Workload() {}
}
