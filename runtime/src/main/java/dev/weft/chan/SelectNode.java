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
    boolean take() {
        return owner.tryClaim();
    }

    @Override
    boolean takeClosed() {
        return owner.tryClaim();
    }

    @Override
    void finish(Object item) {
        owner.complete(caseIndex, item, true);
    }

    @Override
    void finishClosed() {
        owner.complete(caseIndex, null, false);
    }

    @Override
    int caseIndex() {
        return caseIndex;
    }
}
