package dev.weft.context;

import dev.weft.goroutine.Goroutine;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** An afterFunc registration in a cancel tree: Go's {@code afterFuncCtx}. */
final class AfterFuncNode extends Node implements AfterFunc {
    private static final VarHandle CLAIMED;

    static {
        try {
            CLAIMED = MethodHandles.lookup().findVarHandle(AfterFuncNode.class, "claimed", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Runnable f;
    /** 0, then 1 once the run or a stop claimed this registration (Go's sync.Once). */
    private volatile int claimed;

    AfterFuncNode(Runnable f) {
        this.f = f;
    }

    /** Registers {@code f} with {@code ctx}: it runs when ctx is done, at once if it is. */
    static AfterFunc register(CancelCtx ctx, Runnable f) {
        AfterFuncNode n = new AfterFuncNode(f);
        ctx.addChild(n);
        return n;
    }

    private boolean claim() {
        return CLAIMED.compareAndSet(this, 0, 1);
    }

    @Override
    Node parentDone(Done d) {
        if (claim()) {
            Goroutine.go("context.afterFunc", f::run); // in dumps; a failure is never silent
        }
        return null;
    }

    @Override
    public boolean stop() {
        if (!claim()) {
            return false;
        }
        if (owner instanceof CancelCtx p) {
            p.removeChild(this);
        }
        return true;
    }

    @Override
    public String toString() {
        return "afterFunc(" + f + ")";
    }
}
