package dev.weft.processor.common;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.PrintWriter;
import java.io.StringWriter;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;

/**
 * The one place diagnostics leave the processor. Every message carries its {@link Diag} tag, goes
 * on the offending element (and annotation value when there is one, so the caret points at
 * {@code workers = 0}), and is dropped when the element or an enclosing one says
 * {@code @SuppressWarnings("weft:<tag>")}.
 */
public final class Reporter {

    private final Messager messager;
    private final Trees trees;

    /** @param trees javac's tree API, or null where it is unavailable (other compilers) */
    public Reporter(Messager messager, Trees trees) {
        this.messager = messager;
        this.trees = trees;
    }

    /** Prints every finding of {@code report} that is not suppressed. */
    public void print(Report report) {
        for (Report.Finding f : report.findings()) {
            if (Suppressions.isSuppressed(f.element(), f.diag())) {
                continue;
            }
            String text = f.diag().format(f.message());
            if (f.annotation() == null) {
                messager.printMessage(f.diag().kind(), text, f.element());
            } else if (f.value() == null) {
                messager.printMessage(f.diag().kind(), text, f.element(), f.annotation());
            } else {
                messager.printMessage(f.diag().kind(), text, f.element(), f.annotation(), f.value());
            }
        }
    }

    /** Prints one finding at once. */
    public void print(Diag diag, Element element, String message) {
        print(new Report().add(diag, element, message));
    }

    /**
     * Prints a finding on a source tree that has no element the processor can see (a method of a
     * local class), unless a {@code @SuppressWarnings} around it says otherwise.
     */
    public void print(Diag diag, TreePath path, String message) {
        if (trees == null) {
            throw new IllegalStateException("tree diagnostics need javac's Trees API");
        }
        if (!Suppressions.isSuppressed(path, diag)) {
            trees.printMessage(diag.kind(), diag.format(message), path.getLeaf(), path.getCompilationUnit());
        }
    }

    /** Turns a processor bug into an error on the element it was processing, with the stack for the bug report. */
    public void internalError(Element element, Throwable bug) {
        StringWriter stack = new StringWriter();
        bug.printStackTrace(new PrintWriter(stack));
        messager.printMessage(
                Diag.INTERNAL.kind(),
                Diag.INTERNAL.format("the Weft processor failed on this element (" + bug
                        + "); nothing was generated for it. Please report this with the stack trace:\n" + stack),
                element);
    }

    /** The javac tree API, or null outside javac. */
    public Trees trees() {
        return trees;
    }
}
