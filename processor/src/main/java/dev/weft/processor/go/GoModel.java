package dev.weft.processor.go;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/** What the generator needs to know, decided once by validation: nothing here is re-checked. */
final class GoModel {

    private GoModel() {}

    /** One companion class: {@code companion} serves {@code type}. */
    record Companion(TypeElement type, ClassName companion, boolean isPublic, boolean deprecated, List<Launcher> launchers) {}

    /**
     * One launcher for one {@code @Go} method.
     *
     * @param goroutineName what {@code scope.go(name, ..)} gets, e.g. {@code Orders.process}
     * @param contextFirst the method's first parameter is a {@code Context}, filled with the scope's
     * @param out the {@code @Out} parameter, or null
     * @param outElement the {@code T} of {@code @Out SendChan<T>}, or null
     * @param classTypeVariables type parameters of the receiver's type (and of its enclosing types
     *     for inner classes); empty for static methods
     */
    record Launcher(
            ExecutableElement method,
            String goroutineName,
            boolean contextFirst,
            VariableElement out,
            TypeMirror outElement,
            int buffer,
            int workers,
            boolean returnsValue,
            boolean isPublic,
            List<TypeMirror> classTypeVariables) {

        boolean isStatic() {
            return method.getModifiers().contains(Modifier.STATIC);
        }

        /** The parameters the launcher asks for after the scope and receiver. */
        List<? extends VariableElement> launcherParameters() {
            List<? extends VariableElement> all = method.getParameters();
            return all.stream()
                    .filter(p -> !p.equals(out) && !(contextFirst && p.equals(all.get(0))))
                    .toList();
        }
    }
}
