package dev.weft.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import dev.weft.processor.common.Env;
import dev.weft.processor.common.GeneratedFiles;
import dev.weft.processor.common.Reporter;
import dev.weft.processor.go.GoStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The Weft annotation processor: turns {@code @Go} methods into goroutine launchers (and, with
 * later steps, {@code @Select} declarations into select loops). Registered for
 * {@code ServiceLoader} discovery and declared isolating for Gradle's incremental builds: every
 * generated file has exactly one originating element, the type it serves.
 *
 * <p>It asks for every annotation ({@code "*"}) and claims none: javac only shows a processor
 * the annotations on members, so an {@code @Go} on a method of a local or anonymous class (which
 * would silently do nothing) is only found by reading the source trees of every file.
 */
@AutoService(Processor.class)
public final class WeftProcessor extends AbstractProcessor {

    private final List<Function<Env, Step>> stepFactories;
    private final List<Step> steps = new ArrayList<>();

    public WeftProcessor() {
        this(List.of(GoStep::new));
    }

    /** For tests: a processor running the given steps. */
    WeftProcessor(List<Function<Env, Step>> stepFactories) {
        this.stepFactories = List.copyOf(stepFactories);
    }

    @Override
    public synchronized void init(ProcessingEnvironment processing) {
        super.init(processing);
        Env env = new Env(
                processing,
                new Reporter(processing.getMessager(), treesOrNull(processing)),
                new GeneratedFiles(processing.getFiler(), processing.getElementUtils(), getClass().getName()));
        for (Function<Env, Step> factory : stepFactories) {
            steps.add(factory.apply(env));
        }
    }

    /** javac's tree API; absent under other compilers and behind wrapped environments (Gradle's). */
    private static Trees treesOrNull(ProcessingEnvironment processing) {
        try {
            return Trees.instance(processing);
        } catch (IllegalArgumentException | LinkageError unavailable) {
            return null;
        }
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Step step : steps) {
            try {
                step.process(round);
            } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError bug) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                        "[weft:internal] the Weft processor failed (" + bug + "); please report it");
            }
        }
        return false;
    }
}
