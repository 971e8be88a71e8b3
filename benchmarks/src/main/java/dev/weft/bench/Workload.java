package dev.weft.bench;

/**
 * Sizes shared by the three twins of each workload ({@link WeftChannels}, {@link JdkQueues},
 * {@link JoxChannels}), so their ns per message are comparable.
 *
 * <p>Each invocation moves {@link #MESSAGES} values on fresh virtual threads; at 50 to 1,000 ns
 * per message that is milliseconds, against a few microseconds to start and join two to nine
 * threads, so thread start is noise. W7 is different: starting and ending 10,000 threads would
 * cost about as much as the messages, and that is W6's subject, not W7's. So W7's receivers start
 * in a JMH {@code Level.Invocation} set-up, and the timed part ends when the sender is done and
 * every receiver has taken its {@link #POPULAR_ROUNDS} values ({@link PopularReceivers}); then
 * each waits for one more value, which the tear-down sends before joining them.
 */
final class Workload {
    /** Messages per invocation of W1 to W5 (W1: one-way hops, so half as many round trips). */
    static final int MESSAGES = 50_000;
    /** Buffer of W3 and W4. */
    static final int CAPACITY = 128;
    /** Producers, and consumers, of W4. */
    static final int MPMC_THREADS = 4;
    /** W7: goroutines each blocked receiving on its own channel. */
    static final int POPULAR_RECEIVERS = 10_000;
    /** W7: values each receiver gets per invocation. */
    static final int POPULAR_ROUNDS = 10;
    /** W7: messages per invocation. */
    static final int POPULAR_MESSAGES = POPULAR_RECEIVERS * POPULAR_ROUNDS;

    /** The value every workload moves: preallocated, so no workload measures boxing. */
    static final Integer MSG = 42;

    private Workload() {}
}
