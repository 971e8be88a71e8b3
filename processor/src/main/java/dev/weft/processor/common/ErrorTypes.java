package dev.weft.processor.common;

import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * Unresolved types in a signature. In an early round they are usually types another processor
 * has yet to generate, so a step defers the element to the next round instead of generating
 * code that names a type javac does not know yet.
 */
public final class ErrorTypes {

    private ErrorTypes() {}

    /** Whether a parameter, the return type or a type-variable bound of {@code method} is unresolved. */
    public static boolean inSignature(ExecutableElement method) {
        Set<TypeMirror> seen = new HashSet<>();
        for (VariableElement p : method.getParameters()) {
            if (contains(p.asType(), seen)) return true;
        }
        for (TypeParameterElement t : method.getTypeParameters()) {
            for (TypeMirror bound : t.getBounds()) {
                if (contains(bound, seen)) return true;
            }
        }
        return contains(method.getReturnType(), seen);
    }

    private static boolean contains(TypeMirror type, Set<TypeMirror> seen) {
        if (type == null || !seen.add(type)) {
            return false;
        }
        if (type.getKind() == TypeKind.ERROR) {
            return true;
        }
        if (type instanceof ArrayType a) {
            return contains(a.getComponentType(), seen);
        }
        if (type instanceof WildcardType w) {
            return contains(w.getExtendsBound(), seen) || contains(w.getSuperBound(), seen);
        }
        if (type instanceof TypeVariable v) {
            return contains(v.getUpperBound(), seen);
        }
        if (type instanceof DeclaredType d) {
            for (TypeMirror arg : d.getTypeArguments()) {
                if (contains(arg, seen)) return true;
            }
        }
        return false;
    }
}
