package dev.weft.context;

import dev.weft.time.Cancellable;
import dev.weft.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A cancellable context with a deadline: Go's {@code timerCtx}. Its timer is one entry on the
 * shared timer facility of the {@link Clock} current when it was made; cancel removes it.
 *
 * <p>Footprint matters (a server may hold a million of these): the deadline is kept as its two
 * numbers rather than an Instant, and the context is itself the timer's action (the
 * {@code Runnable} is not reachable through the public types), saving two objects per context.
 */
final class TimerCtx extends CancelCtx implements Runnable {
    private final long deadlineSeconds;   // the deadline, as Instant's epoch second and nano
    private final int deadlineNanos;
    private final Throwable expiryCause;  // the cause when the deadline passes; may be null
    private volatile Cancellable timer;   // null until armed, and after done

    private TimerCtx(Context parent, Instant deadline, Throwable expiryCause) {
        super(parent);
        this.deadlineSeconds = deadline.getEpochSecond();
        this.deadlineNanos = deadline.getNano();
        this.expiryCause = expiryCause;
    }

    static CancelContext withTimeout(Context parent, Duration timeout, Throwable cause) {
        Objects.requireNonNull(parent, "parent context must not be null");
        Objects.requireNonNull(timeout, "timeout must not be null");
        Clock clock = Clock.current();
        return create(parent, plus(clock.now(), timeout), saturatedNanos(timeout), cause, clock);
    }

    static CancelContext withDeadline(Context parent, Instant deadline, Throwable cause) {
        Objects.requireNonNull(parent, "parent context must not be null");
        Objects.requireNonNull(deadline, "deadline must not be null");
        Clock clock = Clock.current();
        long delay = saturatedNanos(Duration.between(clock.now(), deadline));
        return create(parent, deadline, delay, cause, clock);
    }

    private static CancelContext create(
            Context parent, Instant deadline, long delayNanos, Throwable cause, Clock clock) {
        Optional<Instant> current = parent.deadline();
        if (current.isPresent() && current.get().isBefore(deadline)) {
            return CancelCtx.create(parent); // the parent's earlier deadline governs
        }
        TimerCtx c = new TimerCtx(parent, deadline, cause);
        c.attach(); // a done parent makes the child done first: its error wins over ours
        c.arm(clock, delayNanos);
        return c;
    }

    private void arm(Clock clock, long delayNanos) {
        if (isDone()) {
            return;
        }
        if (delayNanos <= 0) {
            expire(); // born past its deadline
            return;
        }
        Cancellable t = clock.schedule(delayNanos, this);
        timer = t;
        if (isDone()) {
            t.cancel(); // cancelled while we armed: afterDone may have missed the timer
        }
    }

    /** The timer's action: the deadline passed. */
    @Override
    public void run() {
        expire();
    }

    private void expire() {
        cancel(expiryCause == null ? Done.DEADLINE_EXCEEDED
                : new Done(DeadlineExceededException.DEADLINE_EXCEEDED, expiryCause), true);
    }

    @Override
    void afterDone() {
        Cancellable t = timer;
        if (t != null) {
            timer = null;
            t.cancel(); // leave the timer queue now, not at the deadline
        }
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.of(deadlineInstant());
    }

    Instant deadlineInstant() {
        return Instant.ofEpochSecond(deadlineSeconds, deadlineNanos);
    }

    @Override
    public String toString() {
        return parent + ".withDeadline(" + deadlineInstant() + ")";
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException overflow) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static Instant plus(Instant t, Duration d) {
        try {
            return t.plus(d);
        } catch (DateTimeException | ArithmeticException overflow) {
            return d.isNegative() ? Instant.MIN : Instant.MAX;
        }
    }
}
