package dev.weft.context;

import java.util.Objects;

/**
 * A typed key for {@link Context#withValue}. Keys compare by identity, so two keys with the same
 * name never collide: declare each once, as a constant.
 *
 * <pre>{@code
 * static final Key<String> REQUEST_ID = Key.of("requestId");
 * Context ctx = parent.withValue(REQUEST_ID, "r-42");
 * String id = ctx.value(REQUEST_ID);
 * }</pre>
 */
public final class Key<T> {
    private final String name;

    private Key(String name) {
        this.name = name;
    }

    /** A new key, distinct from every other; the name is for {@code toString} only. */
    public static <T> Key<T> of(String name) {
        return new Key<>(Objects.requireNonNull(name, "key name must not be null"));
    }

    @Override
    public String toString() {
        return "Key(" + name + ")";
    }
}
