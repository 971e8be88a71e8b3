package dev.weft.processor.select;

import com.palantir.javapoet.ClassName;
import java.util.List;

/** The annotation and runtime names {@code @Select} code reads and generates, kept as names (see RuntimeTypes). */
final class SelectTypes {

    private SelectTypes() {}

    static final String SELECT = "dev.weft.annotation.Select";
    static final String RECV = "dev.weft.annotation.Recv";
    static final String SEND = "dev.weft.annotation.Send";
    static final String SENT = "dev.weft.annotation.Sent";
    static final String AFTER = "dev.weft.annotation.After";
    static final String DEFAULT = "dev.weft.annotation.Default";
    static final String DONE = "dev.weft.annotation.Done";

    /** Every annotation that only means something inside a {@code @Select} type. */
    static final List<String> CASE_ANNOTATIONS = List.of(RECV, SEND, SENT, AFTER, DEFAULT, DONE);

    static final ClassName PREPARED_SELECT = ClassName.get("dev.weft.chan", "PreparedSelect");
    static final ClassName CONTEXT_EXCEPTION = ClassName.get("dev.weft.context", "ContextException");

    /** {@code @Recv} for {@code dev.weft.annotation.Recv}. */
    static String simple(String annotation) {
        return "@" + annotation.substring(annotation.lastIndexOf('.') + 1);
    }
}
