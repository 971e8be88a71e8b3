package dev.weft.processor.common;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the Weft processor can print: a stable tag (printed as {@code [weft:<tag>]}
 * and accepted by {@code @SuppressWarnings("weft:<tag>")}) and its severity. The tags are part
 * of the public contract: {@code docs/processor.md} lists each one with its fix, and a test
 * checks that it does.
 */
public enum Diag {
    // @Go: what makes a launcher impossible.
    GO_PRIVATE("go-private", Diagnostic.Kind.ERROR),
    GO_ABSTRACT("go-abstract", Diagnostic.Kind.ERROR),
    GO_INACCESSIBLE("go-inaccessible", Diagnostic.Kind.ERROR),
    GO_LOCAL_CLASS("go-local-class", Diagnostic.Kind.ERROR),
    GO_WORKERS("go-workers", Diagnostic.Kind.ERROR),
    GO_BUFFER("go-buffer", Diagnostic.Kind.ERROR),
    GO_RESULT_AND_OUT("go-result-and-out", Diagnostic.Kind.ERROR),
    GO_WORKERS_RESULT("go-workers-result", Diagnostic.Kind.ERROR),
    GO_TYPE_VARIABLE_CLASH("go-type-variable-clash", Diagnostic.Kind.ERROR),
    GO_LAUNCHER_CLASH("go-launcher-clash", Diagnostic.Kind.ERROR),
    GO_COMPANION_CLASH("go-companion-clash", Diagnostic.Kind.ERROR),
    OUT_NOT_SENDCHAN("out-not-sendchan", Diagnostic.Kind.ERROR),
    OUT_TWICE("out-twice", Diagnostic.Kind.ERROR),
    OUT_WITHOUT_GO("out-without-go", Diagnostic.Kind.ERROR),

    // @Go: Go's advice where a signature shows it.
    GO_BUFFER_WITHOUT_OUT("go-buffer-without-out", Diagnostic.Kind.WARNING),
    GO_CONTEXT_NOT_FIRST("go-context-not-first", Diagnostic.Kind.WARNING),
    GO_CONTEXT_FIELD("go-context-field", Diagnostic.Kind.WARNING),
    GO_BIDIRECTIONAL_CHAN("go-bidirectional-chan", Diagnostic.Kind.NOTE),

    // @Select: what makes a select class impossible.
    SELECT_NO_CASES("select-no-cases", Diagnostic.Kind.ERROR),
    SELECT_NOT_A_CASE("select-not-a-case", Diagnostic.Kind.ERROR),
    SELECT_TWO_KINDS("select-two-kinds", Diagnostic.Kind.ERROR),
    SELECT_TWO_DEFAULTS("select-two-defaults", Diagnostic.Kind.ERROR),
    SELECT_TWO_DONE("select-two-done", Diagnostic.Kind.ERROR),
    SELECT_RECV_PARAMETERS("select-recv-parameters", Diagnostic.Kind.ERROR),
    SELECT_SEND_SIGNATURE("select-send-signature", Diagnostic.Kind.ERROR),
    SELECT_CASE_PARAMETERS("select-case-parameters", Diagnostic.Kind.ERROR),
    SELECT_CASE_RETURN("select-case-return", Diagnostic.Kind.ERROR),
    SELECT_CASE_GENERIC("select-case-generic", Diagnostic.Kind.ERROR),
    SELECT_CASE_OVERLOAD("select-case-overload", Diagnostic.Kind.ERROR),
    SELECT_CASE_NOT_OVERRIDABLE("select-case-not-overridable", Diagnostic.Kind.ERROR),
    SELECT_AFTER_DURATION("select-after-duration", Diagnostic.Kind.ERROR),
    SELECT_SENT_TARGET("select-sent-target", Diagnostic.Kind.ERROR),
    SELECT_NOT_SUBCLASSABLE("select-not-subclassable", Diagnostic.Kind.ERROR),
    SELECT_INACCESSIBLE("select-inaccessible", Diagnostic.Kind.ERROR),
    SELECT_CASE_WITHOUT_SELECT("select-case-without-select", Diagnostic.Kind.ERROR),
    SELECT_INHERITED_CASE("select-inherited-case", Diagnostic.Kind.ERROR),
    SELECT_CLASS_CLASH("select-class-clash", Diagnostic.Kind.ERROR),

    /** A bug in the processor, reported on the element it was working on instead of crashing javac. */
    INTERNAL("internal", Diagnostic.Kind.ERROR);

    private final String tag;
    private final Diagnostic.Kind kind;

    Diag(String tag, Diagnostic.Kind kind) {
        this.tag = tag;
        this.kind = kind;
    }

    /** The tag without prefix, e.g. {@code go-private}. */
    public String tag() {
        return tag;
    }

    /** What {@code @SuppressWarnings} must name to silence this diagnostic: {@code weft:go-private}. */
    public String suppressionKey() {
        return "weft:" + tag;
    }

    public Diagnostic.Kind kind() {
        return kind;
    }

    /** The printed form: {@code [weft:go-private] } followed by the message. */
    public String format(String message) {
        return "[" + suppressionKey() + "] " + message;
    }
}
