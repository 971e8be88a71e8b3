package dev.weft.context;

import dev.weft.chan.RecvChan;
import java.util.Optional;

/** {@code background()} and {@code todo()}: never done, no deadline, no values. */
final class Background implements Context {
    static final Background BACKGROUND = new Background("Context.background()");
    static final Background TODO = new Background("Context.todo()");

    private final String name;

    private Background(String name) {
        this.name = name;
    }

    @Override
    public RecvChan<Void> done() {
        return null;
    }

    @Override
    public ContextException err() {
        return null;
    }

    @Override
    public Throwable cause() {
        return null;
    }

    @Override
    public Optional<java.time.Instant> deadline() {
        return Optional.empty();
    }

    @Override
    public <T> T value(Key<T> key) {
        java.util.Objects.requireNonNull(key, "key must not be null");
        return null;
    }

    @Override
    public String toString() {
        return name;
    }
}
