package dev.weft.processor.select;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/** What the generator needs to know, decided once by validation: nothing here is re-checked. */
final class SelectModel {

    private SelectModel() {}

    enum Kind { RECV, SEND, AFTER, DEFAULT, DONE }

    /** One generated class serving one {@code @Select} type. */
    record Type(TypeElement type, ClassName generated, boolean isPublic, List<Case> cases,
                List<TypeMirror> thrown) {

        boolean hasDone() {
            return cases.stream().anyMatch(c -> c.kind() == Kind.DONE);
        }

        boolean hasRecv() {
            return cases.stream().anyMatch(c -> c.kind() == Kind.RECV);
        }
    }

    /**
     * One case, in declaration order.
     *
     * @param element the channel's element type (boxed) of a receive or send case; null for a
     *     receive handler that takes nothing, and for the other kinds
     * @param takesValue a receive handler takes the value
     * @param takesOk a receive handler takes {@code ok} too: the case is never dropped
     * @param stops the handler returns boolean; false ends the loop
     * @param nanos the timeout of an {@code @After} case
     * @param sent the {@code @Sent} callback of a send case, or null
     */
    record Case(Kind kind, ExecutableElement method, TypeMirror element, boolean takesValue, boolean takesOk,
                boolean stops, long nanos, Sent sent) {

        String name() {
            return method.getSimpleName().toString();
        }

        /** Whether {@code bind} asks for a channel for this case. */
        boolean hasChannel() {
            return kind == Kind.RECV || kind == Kind.SEND;
        }
    }

    /** The completion callback of a send case. */
    record Sent(ExecutableElement method, boolean takesValue, boolean stops) {}
}
