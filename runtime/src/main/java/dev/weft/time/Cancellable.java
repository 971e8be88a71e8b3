package dev.weft.time;

/** A scheduled action that may still be prevented. */
@FunctionalInterface
public interface Cancellable {
    /**
     * Prevents the action from running.
     *
     * @return true if this call stopped the action; false if it already ran, started, or was
     *     cancelled before
     */
    boolean cancel();
}
