package dev.weft.resilience;

import dev.weft.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A circuit breaker with the semantics of Go's {@code sony/gobreaker} (v2): it stops calling a
 * failing dependency for a while, then lets a few trial requests through to see whether it
 * recovered.
 *
 * <pre>
 *   CLOSED --readyToTrip(counts) after a failure--> OPEN
 *   OPEN   --timeout elapsed--> HALF_OPEN
 *   HALF_OPEN --a failure--> OPEN
 *   HALF_OPEN --maxRequests consecutive successes--> CLOSED
 * </pre>
 *
 * <ul>
 * <li>CLOSED: requests run and are counted; every {@code interval} (if not zero) the counts
 *     are cleared.
 * <li>OPEN: requests are rejected with {@link OpenStateException} until {@code timeout} has
 *     passed.
 * <li>HALF_OPEN: at most {@code maxRequests} requests run; more are rejected with
 *     {@link TooManyRequestsException}.
 * </ul>
 *
 * <pre>{@code
 * CircuitBreaker cb = new CircuitBreaker(CircuitBreaker.Settings.builder()   // gobreaker.NewCircuitBreaker
 *         .name("payments")
 *         .timeout(Duration.ofSeconds(30))
 *         .readyToTrip(c -> c.consecutiveFailures() > 3)
 *         .build());
 * Receipt r = cb.execute(() -> payments.charge(order));   // cb.Execute(func() (T, error) {...})
 * }</pre>
 *
 * <p>Every change of state starts a new generation and clears the counts; a request that
 * started in an earlier generation does not count when it ends, so a slow request cannot trip
 * or close the breaker after the fact. The state change listener sees every transition, in
 * order; it runs while the breaker's lock is held, as in gobreaker, so it must be short and must
 * not call {@link #execute} or {@link #allow}.
 *
 * <p>Time comes only from the breaker's {@link Clock} ({@link Clock#current()} unless given).
 * All methods are safe for concurrent use.
 */
public final class CircuitBreaker {
    /*
     * Design note.
     *
     * gobreaker's algorithm, under one lock. State transitions are computed lazily on every
     * entry (currentState): CLOSED with an expired interval starts a new generation; OPEN past
     * its expiry becomes HALF_OPEN. A request is admitted in beforeRequest, which returns the
     * generation it was admitted in; afterRequest counts its outcome only if the generation is
     * still the same.
     *
     * Mapping of Go's outcomes: a request that returns is a success; one that throws an
     * Exception is judged by isSuccessful (default: failure); one that throws an Error counts
     * as a failure without asking, as a Go panic does, and is rethrown.
     *
     * Differences from gobreaker: settings are validated (maxRequests >= 1, timeout > 0,
     * interval >= 0) instead of silently replacing zero values; the two-step form's permit can
     * be completed only once; counts are longs.
     *
     * Invariants (under lock): counts belong to the current generation; expiry is set in OPEN
     * (end of timeout), set in CLOSED iff interval > 0 (end of interval), unset in HALF_OPEN.
     */

    private final Settings settings;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock. */
    private State state = State.CLOSED;
    private long generation;
    private final MutableCounts counts = new MutableCounts();
    private boolean hasExpiry;
    private long expiry;

    /** A closed breaker with {@code settings}, on the current clock. */
    public CircuitBreaker(Settings settings) {
        this(settings, Clock.current());
    }

    /** A closed breaker with {@code settings}, reading time from {@code clock}. */
    public CircuitBreaker(Settings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        lock.lock();
        try {
            toNewGeneration(clock.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    /** The name from the settings. */
    public String name() {
        return settings.name();
    }

    /** The settings this breaker was made with. */
    public Settings settings() {
        return settings;
    }

    /** The state now (moving OPEN to HALF_OPEN if the timeout has passed). */
    public State state() {
        lock.lock();
        try {
            return currentState(clock.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    /** A snapshot of the counts of the current generation. */
    public Counts counts() {
        lock.lock();
        try {
            currentState(clock.nanoTime());
            return counts.snapshot();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code request} if the breaker admits it, counts its outcome, and returns its value
     * or rethrows what it threw. Go's {@code Execute}.
     *
     * @throws OpenStateException if the breaker is open (the request does not run)
     * @throws TooManyRequestsException if half-open with {@code maxRequests} already admitted
     * @throws E what the request threw
     */
    public <T, E extends Exception> T execute(Request<T, E> request) throws E {
        Objects.requireNonNull(request, "request must not be null");
        long gen = beforeRequest();
        T result;
        try {
            result = request.call();
        } catch (Error e) {
            afterRequest(gen, false);
            throw e;
        } catch (Exception e) {
            afterRequest(gen, settings.isSuccessful().test(e));
            throw e;
        }
        afterRequest(gen, true);
        return result;
    }

    /**
     * The two-step form (gobreaker's {@code TwoStepCircuitBreaker.Allow}): admits one request
     * and returns the permit on which to report its outcome.
     *
     * <pre>{@code
     * CircuitBreaker.Permit p = cb.allow();   // throws if rejected
     * boolean ok = false;
     * try {
     *     send(message);
     *     ok = true;
     * } finally {
     *     p.done(ok);
     * }
     * }</pre>
     *
     * @throws OpenStateException if the breaker is open
     * @throws TooManyRequestsException if half-open with {@code maxRequests} already admitted
     */
    public Permit allow() {
        return new Permit(beforeRequest());
    }

    private long beforeRequest() {
        lock.lock();
        try {
            State s = currentState(clock.nanoTime());
            if (s == State.OPEN) {
                throw new OpenStateException();
            }
            if (s == State.HALF_OPEN && counts.requests >= settings.maxRequests()) {
                throw new TooManyRequestsException();
            }
            counts.requests++;
            return generation;
        } finally {
            lock.unlock();
        }
    }

    private void afterRequest(long admittedIn, boolean success) {
        lock.lock();
        try {
            long now = clock.nanoTime();
            State s = currentState(now);
            if (generation != admittedIn) {
                return; // admitted before a state change: its outcome is stale
            }
            if (success) {
                onSuccess(s, now);
            } else {
                onFailure(s, now);
            }
        } finally {
            lock.unlock();
        }
    }

    private void onSuccess(State s, long now) {
        if (s == State.OPEN) {
            return; // admitted requests never end in the same generation while open
        }
        counts.success();
        if (s == State.HALF_OPEN && counts.consecutiveSuccesses >= settings.maxRequests()) {
            setState(State.CLOSED, now);
        }
    }

    private void onFailure(State s, long now) {
        if (s == State.CLOSED) {
            counts.failure();
            if (settings.readyToTrip().test(counts.snapshot())) {
                setState(State.OPEN, now);
            }
        } else if (s == State.HALF_OPEN) {
            setState(State.OPEN, now);
        }
    }

    /** Applies the transitions that time alone causes. Call with lock held. */
    private State currentState(long now) {
        if (hasExpiry && expiry - now < 0) {
            if (state == State.CLOSED) {
                toNewGeneration(now);
            } else if (state == State.OPEN) {
                setState(State.HALF_OPEN, now);
            }
        }
        return state;
    }

    private void setState(State to, long now) {
        if (state == to) {
            return;
        }
        State from = state;
        state = to;
        toNewGeneration(now);
        settings.onStateChange().onStateChange(settings.name(), from, to);
    }

    private void toNewGeneration(long now) {
        generation++;
        counts.clear();
        switch (state) {
            case CLOSED -> {
                hasExpiry = !settings.interval().isZero();
                expiry = hasExpiry ? now + cappedNanos(settings.interval()) : 0;
            }
            case OPEN -> {
                hasExpiry = true;
                expiry = now + cappedNanos(settings.timeout());
            }
            case HALF_OPEN -> {
                hasExpiry = false;
                expiry = 0;
            }
        }
    }

    /**
     * A duration in nanoseconds, at most about 146 years, so that expiry arithmetic on
     * nanoTime readings never overflows.
     */
    private static long cappedNanos(Duration d) {
        return d.compareTo(MAX_PERIOD) > 0 ? MAX_PERIOD.toNanos() : d.toNanos();
    }

    private static final Duration MAX_PERIOD = Duration.ofNanos(Long.MAX_VALUE / 2);

    /** True while the current state has an end time (for tests). */
    boolean hasExpiry() {
        lock.lock();
        try {
            return hasExpiry;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "CircuitBreaker[" + settings.name() + ", " + state + ", " + counts.snapshot() + "]";
        } finally {
            lock.unlock();
        }
    }

    /** One admitted request of the two-step form; report its outcome once with {@link #done}. */
    public final class Permit {
        private final long generation;
        private boolean done; // guarded by the breaker's lock

        private Permit(long generation) {
            this.generation = generation;
        }

        /**
         * Reports the outcome of the admitted request. A permit from an earlier generation
         * counts for nothing.
         *
         * @throws IllegalStateException if this permit was already done
         */
        public void done(boolean success) {
            lock.lock();
            try {
                if (done) {
                    throw new IllegalStateException("circuit breaker: permit already done");
                }
                done = true;
                afterRequest(generation, success);
            } finally {
                lock.unlock();
            }
        }
    }

    /** The state of a breaker; {@code toString} gives gobreaker's names. */
    public enum State {
        /** Requests run. */
        CLOSED("closed"),
        /** A few trial requests run. */
        HALF_OPEN("half-open"),
        /** Requests are rejected. */
        OPEN("open");

        private final String text;

        State(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A request to run through the breaker; it may throw {@code E}. */
    @FunctionalInterface
    public interface Request<T, E extends Exception> {
        /** Runs the request. */
        T call() throws E;
    }

    /** Sees every transition of a breaker: gobreaker's {@code OnStateChange}. */
    @FunctionalInterface
    public interface StateChangeListener {
        /** Called under the breaker's lock on each transition; keep it short. */
        void onStateChange(String name, State from, State to);
    }

    /**
     * Request counts of one generation: gobreaker's {@code Counts}.
     *
     * @param requests admitted requests
     * @param totalSuccesses successes
     * @param totalFailures failures
     * @param consecutiveSuccesses successes since the last failure
     * @param consecutiveFailures failures since the last success
     */
    public record Counts(long requests, long totalSuccesses, long totalFailures,
                         long consecutiveSuccesses, long consecutiveFailures) {
        /** All zero. */
        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0);
    }

    /** The live counts, guarded by the breaker's lock. */
    private static final class MutableCounts {
        long requests;
        long totalSuccesses;
        long totalFailures;
        long consecutiveSuccesses;
        long consecutiveFailures;

        void success() {
            totalSuccesses++;
            consecutiveSuccesses++;
            consecutiveFailures = 0;
        }

        void failure() {
            totalFailures++;
            consecutiveFailures++;
            consecutiveSuccesses = 0;
        }

        void clear() {
            requests = 0;
            totalSuccesses = 0;
            totalFailures = 0;
            consecutiveSuccesses = 0;
            consecutiveFailures = 0;
        }

        Counts snapshot() {
            return new Counts(requests, totalSuccesses, totalFailures, consecutiveSuccesses,
                    consecutiveFailures);
        }
    }

    /**
     * How a breaker behaves: gobreaker's {@code Settings}. Build with {@link #builder()}; the
     * defaults are gobreaker's.
     *
     * @param name reported to the listener; default ""
     * @param maxRequests requests admitted while half-open, and the consecutive successes that
     *     close it again; default 1
     * @param interval how often a closed breaker clears its counts; zero (the default) never
     * @param timeout how long the breaker stays open; default 60 s
     * @param readyToTrip called with the counts after each failure while closed; true opens the
     *     breaker; default: more than 5 consecutive failures
     * @param isSuccessful whether a request that threw this exception still counts as a
     *     success; default: never
     * @param onStateChange sees every transition; default: nothing
     */
    public record Settings(String name, int maxRequests, Duration interval, Duration timeout,
                           Predicate<Counts> readyToTrip, Predicate<Throwable> isSuccessful,
                           StateChangeListener onStateChange) {

        /**
         * @throws IllegalArgumentException if maxRequests is below 1, interval is negative or
         *     timeout is not positive
         * @throws NullPointerException if any component is null
         */
        public Settings {
            Objects.requireNonNull(name, "name must not be null");
            Objects.requireNonNull(interval, "interval must not be null");
            Objects.requireNonNull(timeout, "timeout must not be null");
            Objects.requireNonNull(readyToTrip, "readyToTrip must not be null");
            Objects.requireNonNull(isSuccessful, "isSuccessful must not be null");
            Objects.requireNonNull(onStateChange, "onStateChange must not be null");
            if (maxRequests < 1) {
                throw new IllegalArgumentException("maxRequests must be at least 1: " + maxRequests);
            }
            if (interval.isNegative()) {
                throw new IllegalArgumentException("interval must not be negative: " + interval);
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
        }

        /** gobreaker's defaults, with no name. */
        public static Settings defaults() {
            return builder().build();
        }

        /** A builder starting from gobreaker's defaults. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Settings}; each setter replaces one default. */
        public static final class Builder {
            private String name = "";
            private int maxRequests = 1;
            private Duration interval = Duration.ZERO;
            private Duration timeout = Duration.ofSeconds(60);
            private Predicate<Counts> readyToTrip = c -> c.consecutiveFailures() > 5;
            private Predicate<Throwable> isSuccessful = e -> false;
            private StateChangeListener onStateChange = (n, from, to) -> { };

            private Builder() {}

            /** See {@link Settings#name()}. */
            public Builder name(String name) {
                this.name = name;
                return this;
            }

            /** See {@link Settings#maxRequests()}. */
            public Builder maxRequests(int maxRequests) {
                this.maxRequests = maxRequests;
                return this;
            }

            /** See {@link Settings#interval()}. */
            public Builder interval(Duration interval) {
                this.interval = interval;
                return this;
            }

            /** See {@link Settings#timeout()}. */
            public Builder timeout(Duration timeout) {
                this.timeout = timeout;
                return this;
            }

            /** See {@link Settings#readyToTrip()}. */
            public Builder readyToTrip(Predicate<Counts> readyToTrip) {
                this.readyToTrip = readyToTrip;
                return this;
            }

            /** See {@link Settings#isSuccessful()}. */
            public Builder isSuccessful(Predicate<Throwable> isSuccessful) {
                this.isSuccessful = isSuccessful;
                return this;
            }

            /** See {@link Settings#onStateChange()}. */
            public Builder onStateChange(StateChangeListener onStateChange) {
                this.onStateChange = onStateChange;
                return this;
            }

            /**
             * The settings.
             *
             * @throws IllegalArgumentException or NullPointerException as {@link Settings} does
             */
            public Settings build() {
                return new Settings(name, maxRequests, interval, timeout, readyToTrip,
                        isSuccessful, onStateChange);
            }
        }
    }
}
