package dev.weft.chan;

/**
 * Misuse of a closed channel, where Go panics: "send on closed channel", "close of closed
 * channel"; and {@link RecvChan#recv()} on a closed, drained channel, where Go would return the
 * zero value (use {@link RecvChan#recvOk()} to see the close without an exception).
 */
public final class ChannelClosedException extends RuntimeException {
    /** An exception with the given message, in Go's words. */
    public ChannelClosedException(String message) {
        super(message);
    }
}
