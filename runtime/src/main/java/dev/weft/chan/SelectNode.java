package dev.weft.chan;

/**
 * The node of one case of a select: it points to the select's shared waiter, which a partner
 * must claim (a CAS) before completing it, and knows its case number. Reused by its
 * {@link PreparedSelect} from one blocking run to the next. Its inherited {@code item} holds the
 * value a send case offers.
 */
final class SelectNode extends Node {
    final SelectWaiter owner;
    final int caseIndex;

    SelectNode(SelectWaiter owner, int caseIndex, boolean send) {
        super(null, send);
        this.owner = owner;
        this.caseIndex = caseIndex;
    }

    @Override
    Waiter waiter() {
        return owner;
    }

    @Override
    boolean isSolo() {
        return false;
    }

    @Override
    int caseIndex() {
        return caseIndex;
    }
}
