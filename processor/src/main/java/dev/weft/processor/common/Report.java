package dev.weft.processor.common;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * What validating one element found. Validation only adds to a report; the {@link Reporter}
 * prints it (honouring {@code @SuppressWarnings}) and the caller generates nothing for an element
 * whose report {@link #hasErrors() has errors}, suppressed or not: a suppressed error means "leave
 * this element alone", never "generate broken code".
 */
public final class Report {

    /** One diagnostic: where it goes (element, and the annotation and its value when known) and what it says. */
    public record Finding(Diag diag, Element element, AnnotationMirror annotation, AnnotationValue value, String message) {}

    private final List<Finding> findings = new ArrayList<>();

    public Report add(Diag diag, Element element, String message) {
        return add(diag, element, null, null, message);
    }

    public Report add(Diag diag, Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
        findings.add(new Finding(diag, element, annotation, value, message));
        return this;
    }

    /** Adds everything {@code other} found. */
    public Report addAll(Report other) {
        findings.addAll(other.findings);
        return this;
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.diag().kind() == Diagnostic.Kind.ERROR);
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }
}
