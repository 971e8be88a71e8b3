package dev.weft.processor.select;

import com.palantir.javapoet.ClassName;
import dev.weft.processor.Step;
import dev.weft.processor.common.Diag;
import dev.weft.processor.common.Env;
import dev.weft.processor.common.ErrorTypes;
import dev.weft.processor.common.Report;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * {@code @Select}: per annotated type, validate the type and its case methods, build the model,
 * generate the select class. Also reports case annotations outside a {@code @Select} type, which
 * javac would otherwise ignore silently.
 */
public final class SelectStep implements Step {

    private final Env env;
    private final SelectValidator validator;
    private final SelectGenerator generator;
    /** Types whose signatures named types not generated yet, by qualified name: retried next round. */
    private final Set<String> deferred = new LinkedHashSet<>();

    public SelectStep(Env env) {
        this.env = env;
        this.validator = new SelectValidator(env);
        this.generator = new SelectGenerator(env);
    }

    @Override
    public void process(RoundEnvironment round) {
        TypeElement select = env.elements().getTypeElement(SelectTypes.SELECT);
        if (select == null) {
            return; // the runtime is not on the class path: nothing can carry @Select
        }
        Set<TypeElement> types = new LinkedHashSet<>(ElementFilter.typesIn(round.getElementsAnnotatedWith(select)));
        for (String name : List.copyOf(deferred)) {
            TypeElement type = env.elements().getTypeElement(name);
            if (type != null) {
                types.add(type);
            }
        }
        deferred.clear();
        for (TypeElement type : types) {
            env.guard(type, () -> {
                boolean unresolved = ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                        .anyMatch(ErrorTypes::inSignature);
                if (unresolved && !round.processingOver()) {
                    deferred.add(type.getQualifiedName().toString()); // another processor may generate the type
                } else if (!unresolved) {
                    processType(type);
                }
            });
        }
        checkCasesWithoutSelect(round);
    }

    private void processType(TypeElement type) {
        Report report = new Report();
        SelectModel.Type model = validator.validate(type, report);
        env.reporter().print(report);
        if (model == null) {
            return;
        }
        try {
            env.files().write(generator.generate(model));
        } catch (FilerException e) {
            env.reporter().print(Diag.SELECT_CLASS_CLASH, type, "cannot create " + model.generated().canonicalName()
                    + " (" + e.getMessage() + "): another type already has that name; rename one of the two types");
        } catch (IOException e) {
            env.reporter().internalError(type, e);
        }
    }

    private void checkCasesWithoutSelect(RoundEnvironment round) {
        for (String name : SelectTypes.CASE_ANNOTATIONS) {
            TypeElement annotation = env.elements().getTypeElement(name);
            if (annotation == null) {
                continue;
            }
            for (Element e : round.getElementsAnnotatedWith(annotation)) {
                Element owner = e.getEnclosingElement();
                if (annotation(owner, SelectTypes.SELECT) == null) {
                    env.reporter().print(Diag.SELECT_CASE_WITHOUT_SELECT, e, SelectTypes.simple(name)
                            + " is only read in a @Select type; add @Select to " + owner.getSimpleName()
                            + " or remove " + SelectTypes.simple(name));
                }
            }
        }
    }

    /** {@code BatcherSelect} for {@code Batcher}, {@code Outer_InnerSelect} for {@code Outer.Inner}. */
    static ClassName generatedName(TypeElement type) {
        StringBuilder name = new StringBuilder(type.getSimpleName());
        Element e = type.getEnclosingElement();
        for (; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            name.insert(0, t.getSimpleName() + "_");
        }
        while (!(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        return ClassName.get(((PackageElement) e).getQualifiedName().toString(), name + "Select");
    }

    /** Whether the type and every type around it is public: then so may be its select class. */
    static boolean isPublic(TypeElement type) {
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (!t.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    static AnnotationMirror annotation(Element element, String qualifiedName) {
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName)) {
                return m;
            }
        }
        return null;
    }
}
