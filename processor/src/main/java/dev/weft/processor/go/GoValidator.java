package dev.weft.processor.go;

import dev.weft.processor.common.Accessibility;
import dev.weft.processor.common.Diag;
import dev.weft.processor.common.Env;
import dev.weft.processor.common.Report;
import dev.weft.processor.common.RuntimeTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;

/**
 * Checks {@code @Go} methods and turns the valid ones into {@link GoModel.Launcher}s. Every check
 * adds to the {@link Report}; a method with any error gets no launcher.
 */
final class GoValidator {

    private final Env env;
    private final Accessibility accessibility;

    GoValidator(Env env) {
        this.env = env;
        this.accessibility = new Accessibility(env.elements());
    }

    /** Go's advice for the class as a whole: a Context belongs in parameters, not fields. */
    void checkFields(TypeElement type, Report report) {
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (isContext(field.asType())) {
                report.add(Diag.GO_CONTEXT_FIELD, field, "field '" + field.getSimpleName()
                        + "' stores a Context in a class with @Go methods; pass the Context as the first"
                        + " parameter of each call instead (Go: do not store Contexts inside a struct type)");
            }
        }
    }

    /** The launcher for {@code method}, or null when {@code report} got an error for it. */
    GoModel.Launcher validate(TypeElement type, ExecutableElement method, Report report) {
        Report mine = new Report();
        AnnotationMirror go = annotation(method, RuntimeTypes.GO);
        checkCallable(type, method, mine);
        int workers = intValue(go, "workers");
        int buffer = intValue(go, "buffer");
        if (workers < 1) {
            mine.add(Diag.GO_WORKERS, method, go, explicitValue(go, "workers"), "@Go(workers = " + workers
                    + ") starts no goroutine; use workers = 1 (the default) or more");
        }
        if (buffer < 0) {
            mine.add(Diag.GO_BUFFER, method, go, explicitValue(go, "buffer"), "@Go(buffer = " + buffer
                    + ") is a negative channel capacity; use buffer = 0 (unbuffered, the default) or more");
        }
        VariableElement out = checkOut(method, mine);
        checkResult(method, out, workers, buffer, go, mine);
        checkParameters(method, mine);
        checkTypeVariables(type, method, mine);
        report.addAll(mine);
        if (mine.hasErrors()) {
            return null;
        }
        boolean contextFirst = !method.getParameters().isEmpty()
                && isExactly(method.getParameters().get(0).asType(), RuntimeTypes.CONTEXT.canonicalName());
        return new GoModel.Launcher(
                method,
                goroutineName(type, method, go),
                contextFirst,
                out,
                out == null ? null : ((DeclaredType) out.asType()).getTypeArguments().get(0),
                buffer,
                workers,
                method.getReturnType().getKind() != TypeKind.VOID,
                method.getModifiers().contains(Modifier.PUBLIC) && GoStep.isPublic(type),
                classTypeVariables(type, method));
    }

    private void checkCallable(TypeElement type, ExecutableElement method, Report report) {
        String companion = GoStep.companionName(type).simpleName();
        if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
            report.add(Diag.GO_LOCAL_CLASS, method, localClassMessage());
            return;
        }
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            report.add(Diag.GO_PRIVATE, method, "@Go method must not be private: the generated " + companion
                    + " cannot call it; make it package-private or public");
        }
        if (method.getModifiers().contains(Modifier.ABSTRACT)) {
            report.add(Diag.GO_ABSTRACT, method, "@Go method must have a body to run as a goroutine;"
                    + " remove abstract (in an interface: make it a default or static method)");
        }
        PackageElement pkg = env.elements().getPackageOf(type);
        TypeElement hidden = accessibility.firstInaccessible(type, pkg);
        if (hidden != null) {
            report.add(Diag.GO_INACCESSIBLE, method, "@Go method's class " + hidden.getSimpleName()
                    + " is private, so the generated " + companion + " cannot name it; make "
                    + hidden.getSimpleName() + " package-private");
        }
        for (VariableElement p : method.getParameters()) {
            checkNameable(p, p.asType(), pkg, companion, report);
        }
        checkNameable(method, method.getReturnType(), pkg, companion, report);
        for (TypeParameterElement t : method.getTypeParameters()) {
            for (TypeMirror bound : t.getBounds()) {
                checkNameable(method, bound, pkg, companion, report);
            }
        }
    }

    static String localClassMessage() {
        return "@Go method in a local or anonymous class cannot be launched: no generated class can"
                + " name its type; move the method to a top-level or member class";
    }

    private void checkNameable(Element where, TypeMirror type, PackageElement pkg, String companion, Report report) {
        TypeElement hidden = accessibility.firstInaccessible(type, pkg);
        if (hidden != null) {
            report.add(Diag.GO_INACCESSIBLE, where, "@Go method's signature uses " + hidden.getSimpleName()
                    + ", which the generated " + companion + " cannot name (private, or not public in another"
                    + " package); make " + hidden.getSimpleName() + " visible to " + pkg.getQualifiedName());
        }
    }

    /** The one valid {@code @Out} parameter, or null. */
    private VariableElement checkOut(ExecutableElement method, Report report) {
        VariableElement out = null;
        for (VariableElement p : method.getParameters()) {
            if (annotation(p, RuntimeTypes.OUT) == null) {
                continue;
            }
            if (out != null) {
                report.add(Diag.OUT_TWICE, p, "@Go method has two @Out parameters ('" + out.getSimpleName()
                        + "' and '" + p.getSimpleName() + "') but a launcher returns one channel;"
                        + " keep @Out on one and pass the other channel in");
                continue;
            }
            String problem = outProblem(p);
            if (problem != null) {
                report.add(Diag.OUT_NOT_SENDCHAN, p, problem);
            }
            out = p;
        }
        return out;
    }

    private String outProblem(VariableElement p) {
        TypeMirror type = p.asType();
        String name = "@Out parameter '" + p.getSimpleName() + "'";
        if (!isExactly(type, RuntimeTypes.SEND_CHAN.canonicalName())) {
            String suggestion = isExactly(type, RuntimeTypes.CHAN.canonicalName())
                    || isExactly(type, RuntimeTypes.RECV_CHAN.canonicalName())
                    ? "SendChan<" + typeArgument(type) + ">" : "SendChan<T>";
            return name + " must be a SendChan<T>, not " + type + "; declare it as " + suggestion
                    + " (the launcher makes the channel and returns its receive side)";
        }
        List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
        if (args.isEmpty()) {
            return name + " is a raw SendChan; give it an element type, e.g. SendChan<String>";
        }
        if (args.get(0) instanceof WildcardType) {
            return name + " must name its element type: the launcher cannot make a channel of "
                    + args.get(0) + "; use SendChan<" + wildcardBound((WildcardType) args.get(0)) + ">";
        }
        return null;
    }

    private static String typeArgument(TypeMirror type) {
        List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
        return args.isEmpty() ? "T" : args.get(0).toString();
    }

    private static String wildcardBound(WildcardType w) {
        TypeMirror bound = w.getExtendsBound() != null ? w.getExtendsBound() : w.getSuperBound();
        return bound == null ? "T" : bound.toString();
    }

    private void checkResult(ExecutableElement method, VariableElement out, int workers, int buffer,
                             AnnotationMirror go, Report report) {
        boolean returnsValue = method.getReturnType().getKind() != TypeKind.VOID;
        if (returnsValue && out != null) {
            report.add(Diag.GO_RESULT_AND_OUT, method, "@Go method with an @Out parameter must return void:"
                    + " its launcher already returns the channel; send the result on '" + out.getSimpleName()
                    + "' or drop @Out");
        }
        if (returnsValue && workers > 1) {
            report.add(Diag.GO_WORKERS_RESULT, method, go, explicitValue(go, "workers"), "@Go(workers = "
                    + workers + ") method must return void: " + workers + " copies would give " + workers
                    + " results; send them on an @Out SendChan instead");
        }
        if (out == null && buffer > 0) {
            report.add(Diag.GO_BUFFER_WITHOUT_OUT, method, go, explicitValue(go, "buffer"), "@Go(buffer = "
                    + buffer + ") has no effect without an @Out parameter; remove buffer or add @Out");
        }
    }

    private void checkParameters(ExecutableElement method, Report report) {
        List<? extends VariableElement> params = method.getParameters();
        for (int i = 0; i < params.size(); i++) {
            VariableElement p = params.get(i);
            if (i > 0 && isContext(p.asType())) {
                report.add(Diag.GO_CONTEXT_NOT_FIRST, p, "Context parameter '" + p.getSimpleName()
                        + "' should come first, as Go's convention has it; then the launcher fills it"
                        + " with the scope's context");
            }
            if (isExactly(p.asType(), RuntimeTypes.CHAN.canonicalName()) && annotation(p, RuntimeTypes.OUT) == null) {
                String arg = typeArgument(p.asType());
                report.add(Diag.GO_BIDIRECTIONAL_CHAN, p, "parameter '" + p.getSimpleName()
                        + "' is a bidirectional Chan; take RecvChan<" + arg + "> or SendChan<" + arg
                        + "> so the compiler enforces the direction (Go's <-chan and chan<-)");
            }
        }
    }

    private void checkTypeVariables(TypeElement type, ExecutableElement method, Report report) {
        Set<String> classVars = classTypeVariables(type, method).stream()
                .map(TypeMirror::toString).collect(Collectors.toSet());
        for (TypeParameterElement t : method.getTypeParameters()) {
            if (classVars.contains(t.getSimpleName().toString())) {
                report.add(Diag.GO_TYPE_VARIABLE_CLASH, method, "@Go method's type variable " + t.getSimpleName()
                        + " hides the class's " + t.getSimpleName() + ", and the static launcher must declare"
                        + " both; rename the method's type variable");
            }
        }
    }

    /** Type variables a static launcher must declare to name the receiver's type. */
    private static List<TypeMirror> classTypeVariables(TypeElement type, ExecutableElement method) {
        List<TypeMirror> vars = new ArrayList<>();
        if (method.getModifiers().contains(Modifier.STATIC)) {
            return vars;
        }
        for (TypeElement t = type; t != null; t = enclosingOfInner(t)) {
            List<TypeMirror> own = new ArrayList<>();
            for (TypeParameterElement p : t.getTypeParameters()) {
                own.add(p.asType());
            }
            vars.addAll(0, own);
        }
        return vars;
    }

    /** The enclosing type whose type variables an inner (non-static) class can use, or null. */
    private static TypeElement enclosingOfInner(TypeElement t) {
        boolean inner = t.getNestingKind() == NestingKind.MEMBER && !t.getModifiers().contains(Modifier.STATIC)
                && t.getKind() == ElementKind.CLASS;
        return inner && t.getEnclosingElement() instanceof TypeElement outer ? outer : null;
    }

    private String goroutineName(TypeElement type, ExecutableElement method, AnnotationMirror go) {
        String explicit = (String) valueWithDefault(go, "name").getValue();
        return explicit.isEmpty() ? GoStep.nestedName(type, ".") + "." + method.getSimpleName() : explicit;
    }

    private boolean isContext(TypeMirror type) {
        TypeElement context = env.elements().getTypeElement(RuntimeTypes.CONTEXT.canonicalName());
        return context != null && type.getKind() == TypeKind.DECLARED
                && env.types().isAssignable(env.types().erasure(type), env.types().erasure(context.asType()));
    }

    private static boolean isExactly(TypeMirror type, String qualifiedName) {
        return type instanceof DeclaredType d
                && ((TypeElement) d.asElement()).getQualifiedName().contentEquals(qualifiedName);
    }

    static AnnotationMirror annotation(Element element, String qualifiedName) {
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName)) {
                return m;
            }
        }
        return null;
    }

    private int intValue(AnnotationMirror mirror, String name) {
        return (Integer) valueWithDefault(mirror, name).getValue();
    }

    private AnnotationValue valueWithDefault(AnnotationMirror mirror, String name) {
        return find(env.elements().getElementValuesWithDefaults(mirror), name);
    }

    private static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
        return find(mirror.getElementValues(), name);
    }

    private static AnnotationValue find(Map<? extends ExecutableElement, ? extends AnnotationValue> values, String name) {
        for (var entry : values.entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
