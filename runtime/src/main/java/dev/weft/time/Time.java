package dev.weft.time;

import dev.weft.chan.RecvChan;
import dev.weft.chan.Select;
import dev.weft.context.Context;
import dev.weft.context.ContextException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Go's {@code time.After}, {@code time.AfterFunc} and a context-aware {@code time.Sleep}, all on
 * {@link Clock#current()}.
 *
 * <pre>{@code
 * Select.on()
 *     .recv(replies, r -> use(r))
 *     .recv(Time.after(Duration.ofSeconds(2)), () -> giveUp())
 *     .run();
 * Time.sleep(ctx, Duration.ofMillis(100)); // throws ctx's exception if ctx ends first
 * }</pre>
 */
public final class Time {
    private Time() {}

    /**
     * A channel that receives the time once, after {@code d}: Go's {@code time.After}. Use
     * {@link Timer#start} instead when you may want to stop it early.
     */
    public static RecvChan<Instant> after(Duration d) {
        return Timer.start(d).c();
    }

    /**
     * Runs {@code f} in a new virtual thread after {@code d}: Go's {@code time.AfterFunc}. The
     * returned timer's {@link Timer#c()} is null; its {@link Timer#stop()} returns true if it
     * prevented {@code f} from starting.
     */
    public static Timer afterFunc(Duration d, Runnable f) {
        return Timer.startFunc(d, f);
    }

    /**
     * Waits for {@code d} (returns at once when not positive), or until {@code ctx} is done.
     *
     * @throws ContextException ({@link ContextException#of(Context)}) if {@code ctx} is done
     *     first, or already done when called
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public static void sleep(Context ctx, Duration d) throws InterruptedException {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(d, "duration");
        ctx.throwIfDone();
        if (d.isNegative() || d.isZero()) {
            return;
        }
        int chosen = Select.on().recv(ctx.done(), () -> { }).after(d, () -> { }).run();
        if (chosen == 0) {
            throw ContextException.of(ctx);
        }
    }
}
