/**
 * Weft: Go's concurrency model on virtual threads.
 *
 * <p>Exported packages, one job each: {@code dev.weft.chan} (channels and select),
 * {@code dev.weft.context} (Go's context), {@code dev.weft.goroutine} (goroutines and scopes),
 * {@code dev.weft.sync} (WaitGroup, Once, Semaphore, Singleflight), {@code dev.weft.time}
 * (clock, timers, tickers), {@code dev.weft.resilience} (rate limiter, circuit breaker),
 * {@code dev.weft.annotation} (what the processor reads). {@code dev.weft.internal} holds
 * helpers those packages share and is not exported.
 */
module dev.weft {
    exports dev.weft.annotation;
    exports dev.weft.chan;
    exports dev.weft.context;
    exports dev.weft.goroutine;
    exports dev.weft.resilience;
    exports dev.weft.sync;
    exports dev.weft.time;
}
