/**
 * Weft: Go's concurrency model on virtual threads.
 *
 * <p>Exported packages, one job each: {@code dev.weft.chan} (channels and select),
 * {@code dev.weft.context} (Go's context), {@code dev.weft.time} (clock, timers, tickers).
 * {@code dev.weft.internal} is not exported.
 */
module dev.weft {
    exports dev.weft.chan;
    exports dev.weft.context;
    exports dev.weft.time;
}
