package dev.weft.processor.common;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.util.Elements;

/** Writes generated sources, marked {@code @Generated} when the compilation can see that annotation. */
public final class GeneratedFiles {

    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private final Filer filer;
    private final Elements elements;
    private final String generator;

    /** @param generator the processor's class name, recorded in {@code @Generated} */
    public GeneratedFiles(Filer filer, Elements elements, String generator) {
        this.filer = filer;
        this.elements = elements;
        this.generator = generator;
    }

    /**
     * {@code @Generated("dev.weft.processor.WeftProcessor")}, or empty when
     * {@code javax.annotation.processing.Generated} is not readable (a named module that does not
     * require {@code java.compiler}): then generated code goes without it rather than fail.
     */
    public Optional<AnnotationSpec> generatedAnnotation() {
        if (elements.getTypeElement(GENERATED.canonicalName()) == null) {
            return Optional.empty();
        }
        return Optional.of(AnnotationSpec.builder(GENERATED).addMember("value", "$S", generator).build());
    }

    public void write(JavaFile file) throws IOException {
        file.writeTo(filer);
    }
}
