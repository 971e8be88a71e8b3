package dev.weft.chan;

/**
 * The waiter of a select, shared by the nodes of its cases ({@link SelectNode}) and reused by its
 * {@link PreparedSelect} from one blocking run to the next. Only a select needs to know which
 * case won, so only its waiter carries an index: a plain operation's node stays small (see
 * {@link Node}).
 */
final class SelectWaiter extends Waiter {
    /** The winning case: written by the completer before DONE, read after it. */
    int index = -1;

    SelectWaiter() {
        super(null);
    }

    @Override
    void complete(int index, Object item, boolean ok) {
        this.index = index;
        super.complete(index, item, ok); // writes DONE last
    }

    @Override
    void reset(Thread thread) {
        this.index = -1;
        super.reset(thread);
    }
}
