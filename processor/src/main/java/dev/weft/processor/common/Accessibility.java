package dev.weft.processor.common;

import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/**
 * Whether generated code in a given package can name a type. Generated companions live in the
 * package of the class they serve, so package-private is enough there and {@code public} is
 * needed elsewhere; {@code private} never works.
 */
public final class Accessibility {

    private final Elements elements;

    public Accessibility(Elements elements) {
        this.elements = elements;
    }

    /**
     * The first type in {@code type} (itself, an enclosing type, a type argument, an array
     * component, a bound) that code in {@code from} cannot name, or null if there is none.
     */
    public TypeElement firstInaccessible(TypeMirror type, PackageElement from) {
        return visit(type, from, new HashSet<>());
    }

    /** The type element itself or the first of its enclosing types that {@code from} cannot name, or null. */
    public TypeElement firstInaccessible(TypeElement type, PackageElement from) {
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (!canName(t, from)) {
                return t;
            }
        }
        return null;
    }

    private TypeElement visit(TypeMirror type, PackageElement from, Set<TypeMirror> seen) {
        if (!seen.add(type)) {
            return null;
        }
        if (type instanceof ArrayType a) {
            return visit(a.getComponentType(), from, seen);
        }
        if (type instanceof WildcardType w) {
            TypeElement bad = w.getExtendsBound() == null ? null : visit(w.getExtendsBound(), from, seen);
            return bad != null || w.getSuperBound() == null ? bad : visit(w.getSuperBound(), from, seen);
        }
        if (type instanceof TypeVariable v) {
            return visit(v.getUpperBound(), from, seen);
        }
        if (type instanceof IntersectionType i) {
            for (TypeMirror bound : i.getBounds()) {
                TypeElement bad = visit(bound, from, seen);
                if (bad != null) return bad;
            }
            return null;
        }
        if (type instanceof DeclaredType d) {
            TypeElement bad = firstInaccessible((TypeElement) d.asElement(), from);
            for (TypeMirror arg : d.getTypeArguments()) {
                if (bad == null) bad = visit(arg, from, seen);
            }
            return bad;
        }
        return null;
    }

    private boolean canName(TypeElement type, PackageElement from) {
        Set<Modifier> modifiers = type.getModifiers();
        if (modifiers.contains(Modifier.PRIVATE)) {
            return false;
        }
        return modifiers.contains(Modifier.PUBLIC) || elements.getPackageOf(type).equals(from);
    }
}
