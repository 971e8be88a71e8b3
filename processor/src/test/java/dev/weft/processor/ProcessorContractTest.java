package dev.weft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.WeftCompiler.runtimeClasses;
import static dev.weft.processor.WeftCompiler.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.weft.processor.common.Diag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** What the processor promises its build tools: registration, incremental type, versions, no crash. */
class ProcessorContractTest {

    @Test
    void supportsTheLatestSourceVersion() {
        assertEquals(SourceVersion.latestSupported(), new WeftProcessor().getSupportedSourceVersion());
    }

    @Test
    void isRegisteredForServiceLoaderDiscovery() {
        boolean found = ServiceLoader.load(Processor.class).stream()
                .anyMatch(p -> p.type() == WeftProcessor.class);
        assertTrue(found, "META-INF/services/javax.annotation.processing.Processor must name WeftProcessor");
    }

    @Test
    void declaresItselfIsolatingForGradle() throws IOException {
        try (InputStream in = WeftProcessor.class.getResourceAsStream("/META-INF/gradle/incremental.annotation.processors")) {
            assertEquals("dev.weft.processor.WeftProcessor,isolating",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void anUnexpectedExceptionBecomesAnErrorOnTheElementNotACrash() {
        WeftProcessor failing = new WeftProcessor(List.of(env -> round -> {
            TypeElement go = env.elements().getTypeElement("dev.weft.annotation.Go");
            for (Element method : round.getElementsAnnotatedWith(go)) {
                env.guard(method, () -> {
                    throw new IllegalStateException("boom");
                });
            }
        }));
        JavaFileObject src = source("Orders", """
                package test;
                class Orders {
                    @dev.weft.annotation.Go void process() {}
                }
                """);
        Compilation c = Compiler.javac().withProcessors(failing).withClasspath(List.of(runtimeClasses())).compile(src);
        assertThat(c).hadErrorContaining("[weft:internal] the Weft processor failed on this element"
                + " (java.lang.IllegalStateException: boom); nothing was generated for it")
                .inFile(src).onLineContaining("void process");
    }

    private static String docs() throws IOException {
        return Files.readString(Path.of("..", "docs", "processor.md"));
    }

    @Test
    void everyDiagnosticIsDocumentedWithItsTag() throws IOException {
        String docs = docs();
        for (Diag d : Diag.values()) {
            assertTrue(docs.contains("`" + d.suppressionKey() + "`"), () -> "docs/processor.md must list " + d.suppressionKey());
        }
    }

    @Test
    void docsShowTheGoldenGeneratedFileAsItIs() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/OrdersGo.java")) {
            String golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(docs().contains("```java\n" + golden + "```"), "docs/processor.md must show golden/OrdersGo.java verbatim");
        }
    }
}
