package dev.weft.time;

/** Where {@link Clock#current()} finds a clock installed by {@link Clock#withClock}. */
final class ClockScope {
    /*
     * Clock.current() is read on hot paths (every timed select, every context deadline), so
     * the common case, no clock ever installed, costs one volatile read and no thread-local
     * lookup. Once any test installs a clock the flag stays set and current() also reads the
     * inheritable thread-local; threads started inside the scope (virtual threads inherit
     * inheritable thread-locals by default) see the same clock.
     */
    private static volatile boolean everInstalled;
    private static final InheritableThreadLocal<Clock> INSTALLED = new InheritableThreadLocal<>();

    private ClockScope() {}

    static Clock current() {
        if (!everInstalled) {
            return SystemClock.INSTANCE;
        }
        Clock c = INSTALLED.get();
        return c != null ? c : SystemClock.INSTANCE;
    }

    static <T> T with(Clock clock, java.util.concurrent.Callable<T> body) throws Exception {
        java.util.Objects.requireNonNull(clock, "clock");
        java.util.Objects.requireNonNull(body, "body");
        everInstalled = true;
        Clock previous = INSTALLED.get();
        INSTALLED.set(clock);
        try {
            return body.call();
        } finally {
            if (previous == null) {
                INSTALLED.remove();
            } else {
                INSTALLED.set(previous);
            }
        }
    }
}
