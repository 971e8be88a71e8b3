package dev.weft.processor.select;

import dev.weft.processor.common.Accessibility;
import dev.weft.processor.common.Diag;
import dev.weft.processor.common.Env;
import dev.weft.processor.common.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Checks a {@code @Select} type and its case methods and turns a valid one into a
 * {@link SelectModel.Type}. Every check adds to the {@link Report}; a type with any error gets no
 * generated class.
 */
final class SelectValidator {

    private final Env env;
    private final Accessibility accessibility;

    SelectValidator(Env env) {
        this.env = env;
        this.accessibility = new Accessibility(env.elements());
    }

    /** The model of {@code type}, or null when {@code report} got an error for it. */
    SelectModel.Type validate(TypeElement type, Report report) {
        Report mine = new Report();
        checkSubclassable(type, mine);
        List<SelectModel.Case> cases = new ArrayList<>();
        Map<String, ExecutableElement> sends = new LinkedHashMap<>();
        List<ExecutableElement> sentMethods = new ArrayList<>();
        for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
            String kind = caseKind(m, mine);
            if (kind == null) {
                continue;
            }
            checkOverridable(m, kind, mine);
            checkNameable(type, m, mine);
            if (kind.equals(SelectTypes.SENT)) {
                sentMethods.add(m);
                continue;
            }
            SelectModel.Case c = caseOf(kind, m, mine);
            if (c != null) {
                cases.add(c);
                if (c.kind() == SelectModel.Kind.SEND) {
                    sends.put(c.name(), m);
                }
            }
        }
        checkInheritedCases(type, mine);
        checkCounts(type, cases, mine);
        cases = attachSent(cases, sentMethods, sends, mine);
        report.addAll(mine);
        if (mine.hasErrors()) {
            return null;
        }
        return new SelectModel.Type(type, SelectStep.generatedName(type), SelectStep.isPublic(type),
                List.copyOf(cases), thrown(cases));
    }

    /**
     * A case method a supertype declares, and this type does not override, would be left out
     * of the generated select without a word (it reads the methods this type declares): say so.
     */
    private void checkInheritedCases(TypeElement type, Report report) {
        for (Element member : env.elements().getAllMembers(type)) {
            if (!(member instanceof ExecutableElement m) || m.getEnclosingElement().equals(type)) {
                continue;
            }
            for (String a : SelectTypes.CASE_ANNOTATIONS) {
                if (SelectStep.annotation(m, a) != null) {
                    String owner = m.getEnclosingElement().getSimpleName().toString();
                    report.add(Diag.SELECT_INHERITED_CASE, type, SelectTypes.simple(a) + " method " + owner
                            + "." + m.getSimpleName() + " is inherited, but a @Select type's cases are the"
                            + " methods it declares itself; override " + m.getSimpleName() + " in "
                            + type.getSimpleName() + " with its annotation, or move the case there");
                    break;
                }
            }
        }
    }

    private void checkSubclassable(TypeElement type, Report report) {
        String fix = null;
        Set<Modifier> mods = type.getModifiers();
        if (type.getKind() != ElementKind.INTERFACE && type.getKind() != ElementKind.CLASS) {
            String kind = type.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            fix = ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind
                    + " cannot be implemented by a handler; declare an interface";
        } else if (mods.contains(Modifier.FINAL)) {
            fix = "a final class cannot be extended by a handler; remove final or declare an interface";
        } else if (mods.contains(Modifier.SEALED)) {
            fix = "a sealed type admits only its permitted subtypes; remove sealed or declare a plain interface";
        } else if (type.getKind() == ElementKind.CLASS && !hasVisibleConstructor(type)) {
            fix = "every constructor is private, so no handler can extend it; add a protected constructor";
        }
        if (fix != null) {
            report.add(Diag.SELECT_NOT_SUBCLASSABLE, type, "@Select type must be an interface or an abstract class"
                    + " a handler can extend: " + fix);
        }
        TypeElement hidden = accessibility.firstInaccessible(type, env.elements().getPackageOf(type));
        if (hidden != null) {
            report.add(Diag.SELECT_INACCESSIBLE, type, "@Select type " + hidden.getSimpleName() + " is private,"
                    + " so the generated " + SelectStep.generatedName(type).simpleName() + " cannot name it; make "
                    + hidden.getSimpleName() + " package-private");
        }
    }

    private static boolean hasVisibleConstructor(TypeElement type) {
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> !c.getModifiers().contains(Modifier.PRIVATE));
    }

    /** The one case annotation on {@code m}, or null when there is none (or an error). */
    private String caseKind(ExecutableElement m, Report report) {
        List<String> found = new ArrayList<>();
        for (String a : SelectTypes.CASE_ANNOTATIONS) {
            if (SelectStep.annotation(m, a) != null) {
                found.add(a);
            }
        }
        if (found.isEmpty()) {
            if (m.getModifiers().contains(Modifier.ABSTRACT)) {
                report.add(Diag.SELECT_NOT_A_CASE, m, "abstract method " + m.getSimpleName() + " of a @Select type"
                        + " is not a case; annotate it with @Recv, @Send, @Sent, @After, @Default or @Done,"
                        + " or give it a body");
            }
            return null;
        }
        if (found.size() > 1) {
            report.add(Diag.SELECT_TWO_KINDS, m, "method " + m.getSimpleName() + " is marked "
                    + found.stream().map(SelectTypes::simple).toList() + " but a method is one case;"
                    + " keep one annotation and declare another method for the other case");
            return null;
        }
        return found.get(0);
    }

    private void checkOverridable(ExecutableElement m, String kind, Report report) {
        String what = SelectTypes.simple(kind) + " method " + m.getSimpleName();
        if (m.getModifiers().contains(Modifier.PRIVATE)) {
            report.add(Diag.SELECT_CASE_NOT_OVERRIDABLE, m, what + " must not be private: the generated select"
                    + " calls it on the handler; make it package-private, protected or public");
        } else if (m.getModifiers().contains(Modifier.STATIC)) {
            report.add(Diag.SELECT_CASE_NOT_OVERRIDABLE, m, what + " must not be static: the generated select"
                    + " calls it on the handler; remove static");
        } else if (m.getModifiers().contains(Modifier.FINAL)) {
            report.add(Diag.SELECT_CASE_NOT_OVERRIDABLE, m, what + " must not be final: the handler implements"
                    + " the case; remove final");
        }
        if (!m.getTypeParameters().isEmpty()) {
            report.add(Diag.SELECT_CASE_GENERIC, m, what + " must not declare type variables: a channel has one"
                    + " element type; put the type variable on the @Select type instead");
        }
    }

    private void checkNameable(TypeElement type, ExecutableElement m, Report report) {
        PackageElement pkg = env.elements().getPackageOf(type);
        List<TypeMirror> types = new ArrayList<>();
        types.add(m.getReturnType());
        m.getParameters().forEach(p -> types.add(p.asType()));
        m.getThrownTypes().forEach(types::add);
        for (TypeMirror t : types) {
            TypeElement hidden = accessibility.firstInaccessible(t, pkg);
            if (hidden != null) {
                report.add(Diag.SELECT_INACCESSIBLE, m, "case method " + m.getSimpleName() + " uses "
                        + hidden.getSimpleName() + ", which the generated select class cannot name; make "
                        + hidden.getSimpleName() + " visible to " + pkg.getQualifiedName());
                return;
            }
        }
    }

    private SelectModel.Case caseOf(String kind, ExecutableElement m, Report report) {
        return switch (kind) {
            case SelectTypes.RECV -> recv(m, report);
            case SelectTypes.SEND -> send(m, report);
            case SelectTypes.AFTER -> after(m, report);
            case SelectTypes.DEFAULT -> simple(SelectModel.Kind.DEFAULT, kind, m, report);
            case SelectTypes.DONE -> simple(SelectModel.Kind.DONE, kind, m, report);
            default -> throw new AssertionError("unreachable: case annotation " + kind);
        };
    }

    private SelectModel.Case recv(ExecutableElement m, Report report) {
        List<? extends VariableElement> ps = m.getParameters();
        String what = "@Recv method " + m.getSimpleName();
        boolean stops = returnsVoidOrBoolean(m, SelectTypes.RECV, report);
        if (ps.size() > 2) {
            report.add(Diag.SELECT_RECV_PARAMETERS, m, what + " takes " + ps.size() + " parameters; a receive"
                    + " handler takes the value (T v), the value and ok (T v, boolean ok), or nothing");
            return null;
        }
        if (ps.size() == 2 && ps.get(1).asType().getKind() != TypeKind.BOOLEAN) {
            report.add(Diag.SELECT_RECV_PARAMETERS, ps.get(1), what + ": the second parameter must be"
                    + " 'boolean ok' (Go's v, ok := <-ch), not " + ps.get(1).asType());
            return null;
        }
        TypeMirror element = ps.isEmpty() ? null : ps.get(0).asType();
        if (element != null && !canBeElement(element)) {
            report.add(Diag.SELECT_RECV_PARAMETERS, ps.get(0), what + ": " + element + " cannot be a channel's"
                    + " element type; take a class, interface, array or primitive type");
            return null;
        }
        if (ps.size() == 2 && element.getKind().isPrimitive()) {
            String boxed = env.types().boxedClass((PrimitiveType) element).getSimpleName().toString();
            report.add(Diag.SELECT_RECV_PARAMETERS, ps.get(0), what + ": the value is null when ok is false, so"
                    + " it cannot be a " + element + "; take " + boxed + " " + ps.get(0).getSimpleName());
            return null;
        }
        return new SelectModel.Case(SelectModel.Kind.RECV, m, element == null ? null : boxed(element),
                element != null, ps.size() == 2, stops, 0, null);
    }

    private boolean canBeElement(TypeMirror t) {
        return t.getKind().isPrimitive() || t.getKind() == TypeKind.DECLARED || t.getKind() == TypeKind.ARRAY
                || t.getKind() == TypeKind.TYPEVAR;
    }

    private TypeMirror boxed(TypeMirror t) {
        return t.getKind().isPrimitive() ? env.types().boxedClass((PrimitiveType) t).asType() : t;
    }

    private SelectModel.Case send(ExecutableElement m, Report report) {
        String what = "@Send method " + m.getSimpleName();
        if (!m.getParameters().isEmpty()) {
            report.add(Diag.SELECT_SEND_SIGNATURE, m, what + " must take no parameters: it is called before every"
                    + " round to produce the value to offer; read what it needs from the handler's fields");
            return null;
        }
        TypeMirror r = m.getReturnType();
        if (r.getKind() == TypeKind.VOID || !canBeElement(r)) {
            report.add(Diag.SELECT_SEND_SIGNATURE, m, what + " must return the value to offer (null disables the"
                    + " case for that round), not " + r + "; its return type is the channel's element type");
            return null;
        }
        return new SelectModel.Case(SelectModel.Kind.SEND, m, boxed(r), true, false, false, 0, null);
    }

    private SelectModel.Case after(ExecutableElement m, Report report) {
        AnnotationMirror a = SelectStep.annotation(m, SelectTypes.AFTER);
        AnnotationValue v = explicitValue(a, "value");
        String text = v == null ? "" : String.valueOf(v.getValue());
        long nanos = GoDuration.parseNanos(text);
        if (nanos < 0) {
            report.add(Diag.SELECT_AFTER_DURATION, m, a, v, "@After(\"" + text + "\") is not a duration; write"
                    + " one in Go's notation, e.g. @After(\"50ms\"), @After(\"2s\"), @After(\"1m30s\")");
        }
        SelectModel.Case c = simple(SelectModel.Kind.AFTER, SelectTypes.AFTER, m, report);
        return c == null || nanos < 0 ? null
                : new SelectModel.Case(c.kind(), m, null, false, false, c.stops(), nanos, null);
    }

    /** An {@code @After}, {@code @Default} or {@code @Done} case: no parameters. */
    private SelectModel.Case simple(SelectModel.Kind kind, String annotation, ExecutableElement m, Report report) {
        boolean stops;
        if (kind == SelectModel.Kind.DONE) {
            stops = false;
            if (m.getReturnType().getKind() != TypeKind.VOID) {
                report.add(Diag.SELECT_CASE_RETURN, m, "@Done method " + m.getSimpleName() + " must return void:"
                        + " the loop ends when the context is done anyway");
            }
        } else {
            stops = returnsVoidOrBoolean(m, annotation, report);
        }
        if (!m.getParameters().isEmpty()) {
            report.add(Diag.SELECT_CASE_PARAMETERS, m, SelectTypes.simple(annotation) + " method "
                    + m.getSimpleName() + " must take no parameters: nothing is received; remove them");
            return null;
        }
        return new SelectModel.Case(kind, m, null, false, false, stops, 0, null);
    }

    private boolean returnsVoidOrBoolean(ExecutableElement m, String annotation, Report report) {
        TypeKind r = m.getReturnType().getKind();
        if (r != TypeKind.VOID && r != TypeKind.BOOLEAN) {
            report.add(Diag.SELECT_CASE_RETURN, m, SelectTypes.simple(annotation) + " method " + m.getSimpleName()
                    + " must return void, or boolean to say whether the loop goes on (false ends it), not "
                    + m.getReturnType());
        }
        return r == TypeKind.BOOLEAN;
    }

    private void checkCounts(TypeElement type, List<SelectModel.Case> cases, Report report) {
        if (cases.isEmpty() && !report.hasErrors()) {
            report.add(Diag.SELECT_NO_CASES, type, "@Select type " + type.getSimpleName() + " declares no case;"
                    + " add methods marked @Recv, @Send, @After, @Default or @Done");
        }
        SelectModel.Case firstDefault = null;
        SelectModel.Case firstDone = null;
        Map<String, ExecutableElement> names = new HashMap<>();
        for (SelectModel.Case c : cases) {
            if (c.kind() == SelectModel.Kind.DEFAULT) {
                if (firstDefault != null) {
                    report.add(Diag.SELECT_TWO_DEFAULTS, c.method(), "a select has at most one default case, and "
                            + firstDefault.name() + " is already @Default; merge the two methods into one");
                } else {
                    firstDefault = c;
                }
            }
            if (c.kind() == SelectModel.Kind.DONE) {
                if (firstDone != null) {
                    report.add(Diag.SELECT_TWO_DONE, c.method(), "a select has one context, and " + firstDone.name()
                            + " is already @Done; merge the two methods into one");
                } else {
                    firstDone = c;
                }
            }
            ExecutableElement earlier = names.putIfAbsent(c.name(), c.method());
            if (earlier != null) {
                report.add(Diag.SELECT_CASE_OVERLOAD, c.method(), "two cases are named " + c.name() + ", but bind"
                        + " names its channel parameters after the cases; rename one of them");
            }
        }
    }

    /** The cases with their {@code @Sent} callbacks attached. */
    private List<SelectModel.Case> attachSent(List<SelectModel.Case> cases, List<ExecutableElement> sentMethods,
                                              Map<String, ExecutableElement> sends, Report report) {
        Map<String, SelectModel.Sent> byTarget = new HashMap<>();
        for (ExecutableElement m : sentMethods) {
            AnnotationMirror a = SelectStep.annotation(m, SelectTypes.SENT);
            AnnotationValue v = explicitValue(a, "value");
            String target = v == null ? "" : String.valueOf(v.getValue());
            if (!sends.containsKey(target)) {
                report.add(Diag.SELECT_SENT_TARGET, m, a, v, "@Sent(\"" + target + "\") names no @Send method of"
                        + " this type; name one of " + sends.keySet());
                continue;
            }
            SelectModel.Sent sent = sent(m, sends.get(target), report);
            if (sent != null && byTarget.putIfAbsent(target, sent) != null) {
                report.add(Diag.SELECT_SENT_TARGET, m, a, v, "@Send method " + target + " already has a @Sent"
                        + " callback (" + byTarget.get(target).method().getSimpleName() + "); merge the two");
            }
        }
        return cases.stream()
                .map(c -> byTarget.containsKey(c.name()) && c.kind() == SelectModel.Kind.SEND
                        ? new SelectModel.Case(c.kind(), c.method(), c.element(), true, false, false, 0, byTarget.get(c.name()))
                        : c)
                .toList();
    }

    private SelectModel.Sent sent(ExecutableElement m, ExecutableElement send, Report report) {
        boolean stops = returnsVoidOrBoolean(m, SelectTypes.SENT, report);
        List<? extends VariableElement> ps = m.getParameters();
        TypeMirror value = send.getReturnType();
        if (ps.size() > 1 || (ps.size() == 1 && !env.types().isAssignable(value, ps.get(0).asType()))) {
            report.add(Diag.SELECT_CASE_PARAMETERS, m, "@Sent method " + m.getSimpleName() + " takes the value "
                    + send.getSimpleName() + "() offered, or nothing: declare it (" + value + " "
                    + (ps.isEmpty() ? "v" : ps.get(0).getSimpleName()) + ") or ()");
            return null;
        }
        return new SelectModel.Sent(m, ps.size() == 1, stops);
    }

    private static List<TypeMirror> thrown(List<SelectModel.Case> cases) {
        Map<String, TypeMirror> thrown = new LinkedHashMap<>();
        for (SelectModel.Case c : cases) {
            c.method().getThrownTypes().forEach(t -> thrown.putIfAbsent(t.toString(), t));
            if (c.sent() != null) {
                c.sent().method().getThrownTypes().forEach(t -> thrown.putIfAbsent(t.toString(), t));
            }
        }
        thrown.remove(InterruptedException.class.getName());
        return List.copyOf(thrown.values());
    }

    private static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
        for (var e : mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
