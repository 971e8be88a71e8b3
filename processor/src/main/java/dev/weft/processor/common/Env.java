package dev.weft.processor.common;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** What every step works with: javac's utilities, the one reporter and the file writer. */
public record Env(ProcessingEnvironment processing, Reporter reporter, GeneratedFiles files) {

    public Elements elements() {
        return processing.getElementUtils();
    }

    public Types types() {
        return processing.getTypeUtils();
    }

    /**
     * Runs {@code work} for {@code element}; a processor bug inside it becomes an error on the
     * element (nothing is generated for it) instead of a javac crash, and other elements go on.
     */
    public void guard(Element element, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError bug) {
            reporter.internalError(element, bug);
        }
    }
}
