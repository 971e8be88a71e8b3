package dev.weft.processor.go;

import com.palantir.javapoet.ClassName;
import com.sun.source.util.TreePath;
import dev.weft.processor.Step;
import dev.weft.processor.common.Diag;
import dev.weft.processor.common.Env;
import dev.weft.processor.common.ErrorTypes;
import dev.weft.processor.common.LocalClassScanner;
import dev.weft.processor.common.Report;
import dev.weft.processor.common.RuntimeTypes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * {@code @Go}: per class with {@code @Go} methods, validate each method, build the model of the
 * valid ones, generate the companion. Also reports what javac would otherwise ignore silently:
 * {@code @Out} without {@code @Go}, {@code @Go} in local and anonymous classes.
 */
public final class GoStep implements Step {

    private final Env env;
    private final GoValidator validator;
    private final GoGenerator generator;
    /** Classes whose signatures named types not generated yet, by qualified name: retried next round. */
    private final Set<String> deferred = new LinkedHashSet<>();

    public GoStep(Env env) {
        this.env = env;
        this.validator = new GoValidator(env);
        this.generator = new GoGenerator(env);
    }

    @Override
    public void process(RoundEnvironment round) {
        TypeElement go = env.elements().getTypeElement(RuntimeTypes.GO);
        if (go == null) {
            return; // the runtime is not on the class path: nothing can carry @Go
        }
        Map<TypeElement, List<ExecutableElement>> byType = new LinkedHashMap<>();
        for (ExecutableElement m : ElementFilter.methodsIn(round.getElementsAnnotatedWith(go))) {
            byType.computeIfAbsent((TypeElement) m.getEnclosingElement(), t -> new ArrayList<>()).add(m);
        }
        for (String name : List.copyOf(deferred)) {
            TypeElement type = env.elements().getTypeElement(name);
            if (type != null) {
                byType.putIfAbsent(type, goMethods(type));
            }
        }
        deferred.clear();
        byType.forEach((type, methods) -> env.guard(type, () -> {
            if (!round.processingOver() && methods.stream().anyMatch(ErrorTypes::inSignature)) {
                deferred.add(type.getQualifiedName().toString()); // another processor may generate the type
            } else {
                processType(type, methods);
            }
        }));
        checkOutWithoutGo(round);
        for (TreePath path : LocalClassScanner.annotatedLocalMethods(
                env.reporter().trees(), round.getRootElements(), RuntimeTypes.GO)) {
            env.reporter().print(Diag.GO_LOCAL_CLASS, path, GoValidator.localClassMessage());
        }
        for (TreePath path : LocalClassScanner.annotatedLocalParameters(
                env.reporter().trees(), round.getRootElements(), RuntimeTypes.OUT, RuntimeTypes.GO)) {
            env.reporter().print(Diag.OUT_WITHOUT_GO, path, "@Out is only read on @Go methods, and a method"
                    + " of a local or anonymous class cannot be one; move the method to a member class"
                    + " and add @Go, or remove @Out");
        }
    }

    private static List<ExecutableElement> goMethods(TypeElement type) {
        return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                .filter(m -> GoValidator.annotation(m, RuntimeTypes.GO) != null)
                .toList();
    }

    private void processType(TypeElement type, List<ExecutableElement> methods) {
        Report report = new Report();
        validator.checkFields(type, report);
        List<GoModel.Launcher> launchers = new ArrayList<>();
        Map<String, ExecutableElement> signatures = new HashMap<>();
        for (ExecutableElement method : methods) {
            if (ErrorTypes.inSignature(method)) {
                continue; // unresolved even in the last round: javac reports the missing type itself
            }
            GoModel.Launcher launcher = validator.validate(type, method, report);
            if (launcher != null && isUnique(launcher, signatures, report)) {
                launchers.add(launcher);
            }
        }
        env.reporter().print(report);
        if (!launchers.isEmpty()) {
            write(new GoModel.Companion(type, companionName(type), isPublic(type),
                    isDeprecated(type), List.copyOf(launchers)));
        }
    }

    /** Overloads whose launchers would erase to the same signature: the later one is an error. */
    private boolean isUnique(GoModel.Launcher launcher, Map<String, ExecutableElement> signatures, Report report) {
        ExecutableElement method = launcher.method();
        StringBuilder key = new StringBuilder(method.getSimpleName()).append('(');
        if (!launcher.isStatic()) {
            key.append("receiver,");
        }
        for (VariableElement p : launcher.launcherParameters()) {
            key.append(env.types().erasure(p.asType())).append(',');
        }
        ExecutableElement earlier = signatures.putIfAbsent(key.toString(), method);
        if (earlier == null) {
            return true;
        }
        report.add(Diag.GO_LAUNCHER_CLASH, method, "the launcher of this @Go method would have the same"
                + " signature as the launcher of " + earlier + "; rename one of the two methods");
        return false;
    }

    private void write(GoModel.Companion companion) {
        try {
            env.files().write(generator.generate(companion));
        } catch (FilerException e) {
            env.reporter().print(Diag.GO_COMPANION_CLASH, companion.type(), "cannot create "
                    + companion.companion().canonicalName() + " (" + e.getMessage() + "): another type already"
                    + " has that name; rename one of the two types");
        } catch (IOException e) {
            env.reporter().internalError(companion.type(), e);
        }
    }

    private void checkOutWithoutGo(RoundEnvironment round) {
        TypeElement out = env.elements().getTypeElement(RuntimeTypes.OUT);
        if (out == null) {
            return;
        }
        for (Element e : round.getElementsAnnotatedWith(out)) {
            Element method = e.getEnclosingElement();
            if (GoValidator.annotation(method, RuntimeTypes.GO) == null) {
                env.reporter().print(Diag.OUT_WITHOUT_GO, e, "@Out is only read on @Go methods; add @Go to "
                        + method.getSimpleName() + " or remove @Out");
            }
        }
    }

    /** {@code OrdersGo} for {@code Orders}, {@code Outer_InnerGo} for {@code Outer.Inner}, in the same package. */
    static ClassName companionName(TypeElement type) {
        return ClassName.get(packageOf(type).getQualifiedName().toString(), nestedName(type, "_") + "Go");
    }

    /** {@code Outer.Inner} (with {@code separator} between the simple names) for a nested type. */
    static String nestedName(TypeElement type, String separator) {
        StringBuilder name = new StringBuilder(type.getSimpleName());
        for (Element e = type.getEnclosingElement(); e instanceof TypeElement t; e = e.getEnclosingElement()) {
            name.insert(0, t.getSimpleName() + separator);
        }
        return name.toString();
    }

    private static PackageElement packageOf(Element element) {
        Element e = element;
        while (!(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        return (PackageElement) e;
    }

    /** Whether the type and every type around it is public: then so may be its companion. */
    static boolean isPublic(TypeElement type) {
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (!t.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDeprecated(TypeElement type) {
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (t.getAnnotation(Deprecated.class) != null) {
                return true;
            }
        }
        return false;
    }
}
